package io.silkgate.schemas.bol;

import io.silkgate.schemas.en16931.DroppedTerm;
import java.util.List;

/**
 * A bill of lading written in another format: the bytes, their media type, and which values of the source
 * TransportDocument it carried or dropped (JSON pointers into the source, or DCSA field names for what lies outside
 * it, such as the endorsement chain).
 */
public record BillOfLadingCopy(byte[] bytes, String mediaType, List<String> carried, List<DroppedTerm> dropped) {
}
