package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VatPointDateCodeTest {

    @Test
    void translatesEveryAllowedCodeBothWays() {
        assertEquals(Optional.of("5"), VatPointDateCode.toUntdid2475("3"));
        assertEquals(Optional.of("29"), VatPointDateCode.toUntdid2475("35"));
        assertEquals(Optional.of("72"), VatPointDateCode.toUntdid2475("432"));
        for (String code : new String[] {"3", "35", "432"}) {
            assertEquals(Optional.of(code), VatPointDateCode.fromUntdid2475(VatPointDateCode.toUntdid2475(code).get()));
        }
    }

    @Test
    void refusesCodesOutsideEn16931() {
        assertEquals(Optional.empty(), VatPointDateCode.toUntdid2475("5"));
        assertEquals(Optional.empty(), VatPointDateCode.fromUntdid2475("432"));
        assertEquals(Optional.empty(), VatPointDateCode.toUntdid2475(null));
    }
}
