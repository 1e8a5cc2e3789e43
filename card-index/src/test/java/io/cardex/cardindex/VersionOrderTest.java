package io.cardex.cardindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void versionsSortByTheirNumbersNotByTheirLetters() {
        List<String> sorted = Stream.of("1.10", "1.9", "1.3", "2.0", "1.8.1", "1.8", "0.7")
                .sorted(Comparator.comparing(VersionOrder::of)).toList();

        assertThat(sorted).containsExactly("0.7", "1.3", "1.8", "1.8.1", "1.9", "1.10", "2.0");
    }

    @Test
    void leadingZerosAndCaseMakeNoOtherVersion() {
        assertThat(VersionOrder.of("R1.09")).isEqualTo(VersionOrder.of("r1.9"));
    }
}
