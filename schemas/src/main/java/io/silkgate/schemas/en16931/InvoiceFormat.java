package io.silkgate.schemas.en16931;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * One invoice syntax or profile that the gateway reads and/or writes, found through ServiceLoader
 * (META-INF/services/io.silkgate.schemas.en16931.InvoiceFormat).
 */
public interface InvoiceFormat {

    /** Catalogue id, e.g. "ubl", "pint-sg", "vn-tt78". */
    String formatId();

    boolean canRead();

    boolean canWrite();

    /**
     * The model of the document rooted at {@code root}. Throws {@link io.silkgate.schemas.DocumentRejectedException}
     * (SCHEMA_INVALID / UNKNOWN_FORMAT) when it cannot be read; never modifies the DOM.
     */
    Invoice read(Element root);

    /** UTF-8 XML of the target format. */
    byte[] write(Invoice invoice);

    /** The BT-/BG- ids this format can hold; the report drops every present term not in it. */
    Set<String> writableTerms();

    default String droppedReason(String term) {
        return formatId() + " has no place for " + term;
    }

    /**
     * Instances of terms in this particular invoice that the format cannot hold although {@link #writableTerms()}
     * contains them (a cardinality the syntax lacks, a missing container). Each entry is one lost instance; the report
     * lists it as dropped, and a term whose every instance is lost is no longer reported as carried.
     */
    default List<DroppedTerm> droppedInstances(Invoice invoice) {
        return List.of();
    }

    /**
     * The invoice as {@link #write} will write it. Profiles override this to put their own BT-23 / BT-24 in place, so
     * that the conversion report can name a replaced specification identifier; everyone else keeps the default.
     */
    default Invoice prepare(Invoice invoice) {
        return invoice;
    }
}
