package io.silkgate.schemas.cn;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.cn.jaxb.EInvoiceType;
import io.silkgate.schemas.cn.jaxb.ObjectFactory;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.national.JaxbIo;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The Chinese fully digitalised e-invoice format cn-fapiao (EInvoice XML issued by the tax bureau), read through our
 * own XSD and its JAXB bindings. Only the tax bureau issues fapiao, so the gateway never writes one.
 */
public final class CnFapiaoFormat implements InvoiceFormat {

    /** The catalogue id. */
    public static final String ID = "cn-fapiao";

    private static final JaxbIo JAXB = new JaxbIo(ObjectFactory.class, null);

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
        return false;
    }

    @Override
    public Invoice read(Element root) {
        if (!CnFapiaoRuleSet.SCHEMA.hasExpectedRoot(root)) {
            throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT,
                    "not a fapiao: the root element is " + root.getNodeName() + ", not EInvoice");
        }
        List<Problem> problems = CnFapiaoRuleSet.SCHEMA.validate(root);
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "EInvoice does not match the cn-fapiao schema: " + problems.get(0).message(), problems);
        }
        return new CnFapiaoReader().read(JAXB.read(root, EInvoiceType.class));
    }

    /** Always refused: fapiao are issued and signed by the tax bureau only. */
    @Override
    public byte[] write(Invoice invoice) {
        throw new UnsupportedOperationException("cn-fapiao is issued by the Chinese tax bureau only; Silkgate reads it");
    }

    @Override
    public Set<String> writableTerms() {
        return Set.of();
    }

    @Override
    public String droppedReason(String term) {
        return "cn-fapiao is read only";
    }
}
