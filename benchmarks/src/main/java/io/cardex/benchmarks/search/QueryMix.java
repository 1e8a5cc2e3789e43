package io.cardex.benchmarks.search;

import java.util.List;

/**
 * Typical requests to the search API: words, filters, facets, sorts, a typo, suggestions, one card.
 * Every search names its mode ({@code text}), so that the figures of runs before and after the
 * default mode changes measure the same work.
 */
final class QueryMix {

    private QueryMix() {
    }

    static List<String> of(String someCardKey) {
        return List.of(
                "/search?q=resnet50&mode=text",
                "/search?q=segmentation&mode=text",
                "/search?q=super+resolution&mode=text",
                "/search?q=coco2017&mode=text",
                "/search?q=image+classification&dataset=ImageNet2012&mode=text",
                "/search?q=detection&facets=dataset,module_type&mode=text",
                "/search?facets=module_type,dataset,license,version&mode=text",
                "/search?sort=updated&size=20&mode=text",
                "/search?q=refinnet&mode=text",
                "/search?module_type=cv&module_detail=detection&sort=name&mode=text",
                "/search?q=%22semantic+segmentation%22&mode=text",
                "/search?q=mobilenetv2+-cifar10&mode=text",
                "/search?q=deeplabv3&size=20&facets=dataset&mode=text",
                "/search?dataset=voc2012&facets=dataset&mode=text",
                "/search?q=transformer&sort=updated&mode=text",
                "/search?q=yolov3&module_detail=detection&file_format=ckpt&mode=text",
                "/suggest?prefix=res",
                "/suggest?prefix=yol",
                "/cards/" + someCardKey);
    }
}
