package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The outer packaging of a cargo item: count, kind and description. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OuterPackaging(
        String packageCode, String imoPackagingCode, Integer numberOfPackages, String description, String woodDeclaration,
        List<DangerousGoods> dangerousGoods) {
}
