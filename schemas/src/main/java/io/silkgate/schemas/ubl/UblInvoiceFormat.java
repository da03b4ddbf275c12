package io.silkgate.schemas.ubl;

import io.silkgate.schemas.en16931.En16931Terms;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormat;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A UBL 2.1 invoice format (Invoice and CreditNote roots) for one profile; UBL carries every EN 16931 term. Its
 * subclasses exist only so that ServiceLoader can create one instance per format id.
 */
public class UblInvoiceFormat implements InvoiceFormat {

    private final UblProfile profile;
    private final UblInvoiceReader reader = new UblInvoiceReader();
    private final UblInvoiceWriter writer = new UblInvoiceWriter();

    public UblInvoiceFormat(UblProfile profile) {
        this.profile = profile;
    }

    /** The profile this format writes. */
    public UblProfile profile() {
        return profile;
    }

    @Override
    public String formatId() {
        return profile.formatId();
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public Invoice read(Element root) {
        return reader.read(root);
    }

    @Override
    public byte[] write(Invoice invoice) {
        return writer.write(invoice, profile);
    }

    @Override
    public Set<String> writableTerms() {
        return En16931Terms.all();
    }

    @Override
    public Invoice prepare(Invoice invoice) {
        return profile.prepare(invoice);
    }

    /** Format {@code ubl}: UBL 2.1 under plain EN 16931. */
    public static final class Ubl extends UblInvoiceFormat {
        public Ubl() {
            super(UblProfile.EN16931);
        }
    }

    /** Format {@code peppol-bis3}: Peppol BIS Billing 3.0. */
    public static final class PeppolBis3 extends UblInvoiceFormat {
        public PeppolBis3() {
            super(UblProfile.PEPPOL_BIS3);
        }
    }

    /** Format {@code pint-sg}: Peppol PINT Singapore. */
    public static final class PintSg extends UblInvoiceFormat {
        public PintSg() {
            super(UblProfile.PINT_SG);
        }

        // The only terms the profile itself removes are GST identifiers of a seller outside Singapore's GST.
        @Override
        public String droppedReason(String term) {
            return switch (term) {
                case "BT-31" -> "the seller is not registered for Singapore GST, so PINT SG carries no seller GST "
                        + "identifier (BR-NG-02); its VAT identifier travels as the tax registration identifier "
                        + "(BT-32) unless the invoice already has one";
                case "BT-48", "BT-63" -> "the seller is not registered for Singapore GST, so PINT SG carries no "
                        + "GST identifier of the buyer or the tax representative (BR-NG-02)";
                default -> super.droppedReason(term);
            };
        }
    }

    /** Format {@code pint-my}: Peppol PINT Malaysia. */
    public static final class PintMy extends UblInvoiceFormat {
        public PintMy() {
            super(UblProfile.PINT_MY);
        }
    }

    /** Format {@code pint-ae}: Peppol PINT United Arab Emirates. */
    public static final class PintAe extends UblInvoiceFormat {
        public PintAe() {
            super(UblProfile.PINT_AE);
        }
    }
}
