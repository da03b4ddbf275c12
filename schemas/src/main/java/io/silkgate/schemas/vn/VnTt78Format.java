package io.silkgate.schemas.vn;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.national.JaxbIo;
import io.silkgate.schemas.vn.jaxb.DLHDonType;
import io.silkgate.schemas.vn.jaxb.HDonType;
import io.silkgate.schemas.vn.jaxb.ObjectFactory;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The Vietnamese e-invoice format vn-tt78 (HDon, Decree 123/2020 and Circular 78/2021), read and written through
 * our own XSD and its JAXB bindings.
 */
public final class VnTt78Format implements InvoiceFormat {

    /** The catalogue id. */
    public static final String ID = "vn-tt78";

    private static final JaxbIo JAXB = new JaxbIo(ObjectFactory.class, null);

    // What HDon can hold. Everything else (due date, references other than the preceding invoice, delivery,
    // payee, attachments, line periods and charges, item classifications, ...) has no element in the format.
    private static final Set<String> WRITABLE = Set.of(
            "BT-1", "BT-2", "BT-3", "BT-5", "BT-6",
            "BG-1", "BT-22",
            "BG-3", "BT-25", "BT-26",
            "BG-4", "BT-27", "BT-28", "BT-31",
            "BG-5", "BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40",
            "BG-6", "BT-42", "BT-43",
            "BG-7", "BT-44", "BT-46", "BT-48",
            "BG-8", "BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55",
            "BG-9", "BT-56", "BT-57", "BT-58",
            "BG-16", "BT-81", "BT-82", "BG-17", "BT-84",
            "BG-20", "BT-92", "BT-95", "BT-96", "BT-97",
            "BG-21", "BT-99", "BT-102", "BT-103", "BT-104",
            "BG-22", "BT-106", "BT-107", "BT-108", "BT-109", "BT-110", "BT-111", "BT-112", "BT-115",
            "BG-23", "BT-116", "BT-117", "BT-118", "BT-119",
            "BG-25", "BT-126", "BT-129", "BT-130", "BT-131",
            "BG-27", "BT-136", "BT-138",
            "BG-29", "BT-146",
            "BG-30", "BT-151", "BT-152",
            "BG-31", "BT-153", "BT-155");

    @Override
    public String formatId() {
        return ID;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    /**
     * Reads an HDon, or the DLHDon a seller signature covers (the invoice data; the schema is checked on its HDon):
     * business data then come from the very element whose signature was verified.
     */
    @Override
    public Invoice read(Element root) {
        if ("DLHDon".equals(root.getLocalName()) && root.getNamespaceURI() == null
                && root.getParentNode() instanceof Element hdon) {
            read(hdon);
            HDonType signed = new HDonType();
            signed.setDLHDon(JAXB.read(root, DLHDonType.class));
            return new VnTt78Reader().read(signed);
        }
        if (!VnTt78RuleSet.SCHEMA.hasExpectedRoot(root)) {
            throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT,
                    "not a Vietnamese e-invoice: the root element is " + root.getNodeName() + ", not HDon");
        }
        List<Problem> problems = VnTt78RuleSet.SCHEMA.validate(root);
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "HDon does not match the vn-tt78 schema: " + problems.get(0).message(), problems);
        }
        return new VnTt78Reader().read(JAXB.read(root, HDonType.class));
    }

    @Override
    public byte[] write(Invoice invoice) {
        return JAXB.write(new ObjectFactory().createHDon(new VnTt78Writer().write(invoice)));
    }

    @Override
    public Set<String> writableTerms() {
        return WRITABLE;
    }

    @Override
    public String droppedReason(String term) {
        return "vn-tt78 (HDon) has no element for " + term;
    }
}
