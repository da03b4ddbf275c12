package io.silkgate.schemas.national;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.UnmarshallerPerThread;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Element;

/**
 * The JAXB side of one national format: binds a DOM element to the generated classes and marshals them back to
 * UTF-8 bytes. One instance per format: the JAXBContext is shared, an unmarshaller kept per thread, a marshaller
 * made per call.
 */
public final class JaxbIo {

    private static final DatatypeFactory DATATYPES = datatypes();

    private final JAXBContext context;
    private final UnmarshallerPerThread unmarshallers;
    private final String noNamespaceSchemaLocation;

    /** A binding for the package of {@code objectFactory}; {@code schemaLocation} may be null. */
    public JaxbIo(Class<?> objectFactory, String schemaLocation) {
        try {
            this.context = JAXBContext.newInstance(objectFactory);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB bindings of " + objectFactory.getPackageName() + " do not load", e);
        }
        this.unmarshallers = new UnmarshallerPerThread(context, null);
        this.noNamespaceSchemaLocation = schemaLocation;
    }

    /** The element bound to {@code type}; the DOM is only read. */
    public <T> T read(Element root, Class<T> type) {
        try {
            return unmarshallers.unmarshal(new DOMSource(root), type, null).getValue();
        } catch (JAXBException e) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "cannot bind " + root.getLocalName() + ": " + e.getMessage());
        }
    }

    /** The element as indented UTF-8 XML with an XML declaration. */
    public byte[] write(JAXBElement<?> element) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            if (noNamespaceSchemaLocation != null) {
                marshaller.setProperty(Marshaller.JAXB_NO_NAMESPACE_SCHEMA_LOCATION, noNamespaceSchemaLocation);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(element, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal " + element.getName(), e);
        }
    }

    /** An xs:date value. */
    public static XMLGregorianCalendar date(LocalDate date) {
        if (date == null) {
            return null;
        }
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    /** The calendar date of an xs:date value; any time zone is ignored. */
    public static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }
}
