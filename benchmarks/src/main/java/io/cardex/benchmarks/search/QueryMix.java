package io.cardex.benchmarks.search;

import java.util.List;

/** Typical requests to the search API: words, filters, facets, sorts, a typo, suggestions, one card. */
final class QueryMix {

    private QueryMix() {
    }

    static List<String> of(String someCardKey) {
        return List.of(
                "/search?q=resnet50",
                "/search?q=segmentation",
                "/search?q=super+resolution",
                "/search?q=coco2017",
                "/search?q=image+classification&dataset=ImageNet2012",
                "/search?q=detection&facets=dataset,module_type",
                "/search?facets=module_type,dataset,license,version",
                "/search?sort=updated&size=20",
                "/search?q=refinnet",
                "/search?module_type=cv&module_detail=detection&sort=name",
                "/search?q=%22semantic+segmentation%22",
                "/search?q=mobilenetv2+-cifar10",
                "/search?q=deeplabv3&size=20&facets=dataset",
                "/search?dataset=voc2012&facets=dataset",
                "/search?q=transformer&sort=updated",
                "/search?q=yolov3&module_detail=detection&file_format=ckpt",
                "/suggest?prefix=res",
                "/suggest?prefix=yol",
                "/cards/" + someCardKey);
    }
}
