package io.silkgate.ledger;

import static io.silkgate.ledger.DeliveryStatus.DEAD_LETTERED;
import static io.silkgate.ledger.DeliveryStatus.DELIVERED;
import static io.silkgate.ledger.DeliveryStatus.DELIVERING;
import static io.silkgate.ledger.DeliveryStatus.QUEUED;
import static io.silkgate.ledger.DeliveryStatus.RETRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentStatusRuleTest {

    @Test
    void documentStatusFollowsItsDeliveries() {
        assertEquals(DocumentStatus.DELIVERED, DocumentStatusRule.of(List.of(DELIVERED, DELIVERED)));
        assertEquals(DocumentStatus.PARTIALLY_DELIVERED, DocumentStatusRule.of(List.of(DELIVERED, DEAD_LETTERED)));
        assertEquals(DocumentStatus.FAILED, DocumentStatusRule.of(List.of(DEAD_LETTERED, DEAD_LETTERED)));
        assertEquals(DocumentStatus.ACCEPTED, DocumentStatusRule.of(List.of(DELIVERED, RETRYING)));
        assertEquals(DocumentStatus.ACCEPTED, DocumentStatusRule.of(List.of(DEAD_LETTERED, QUEUED)));
        assertEquals(DocumentStatus.ACCEPTED, DocumentStatusRule.of(List.of(DELIVERING)));
        assertEquals(DocumentStatus.ACCEPTED, DocumentStatusRule.of(List.of()));
    }

    @Test
    void onlyDeliveredAndDeadLetteredAreFinal() {
        assertTrue(DELIVERED.isFinal());
        assertTrue(DEAD_LETTERED.isFinal());
        assertFalse(QUEUED.isFinal());
        assertFalse(DELIVERING.isFinal());
        assertFalse(RETRYING.isFinal());
    }
}
