package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.SecureXml;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The DocumentExchange SOAP contract on both sides of the packaged jar: a submitter calls gateway A's SOAP
 * intake with a hand-written SOAP 1.1 envelope (no generated client), and A delivers to its partner of endpoint
 * type {@code soap}, which is gateway B's SOAP intake; B in turn delivers to its own REST partner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SoapIT {

    private static final Duration SETTLE = Duration.ofSeconds(45);
    private static final String NS = "urn:silkgate:document-exchange:1";
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String PATH = "/soap/DocumentExchange";

    @TempDir
    static Path work;

    private final StubPartner customs = new StubPartner(StubPartner.Mode.ACCEPT);
    private GatewayProcess gatewayA;
    private GatewayProcess gatewayB;

    @BeforeAll
    void startBothGateways() throws IOException {
        gatewayB = new GatewayProcess(Files.createDirectories(work.resolve("b")), "partners:\n"
                + GatewayProcess.partner("vn-customs", customs, "")
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n");
        String bSoap = gatewayB.plannedBaseUri() + PATH;
        gatewayA = new GatewayProcess(Files.createDirectories(work.resolve("a")), "partners:\n"
                + "  - id: gateway-b\n"
                + "    country: VN\n"
                + "    format: ubl\n"
                + "    endpoint: { type: soap, url: \"" + bSoap + "\" }\n"
                // B may still be starting when A's first attempt goes out: enough patience to outlast that
                + "    retry: { attempts: 20, delay: 1s, multiplier: 1.5, max-delay: 5s, circuit-failures: 0 }\n"
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [gateway-b] }\n");
        // the two JVMs start side by side: two starts in the time of little more than one
        CompletableFuture<Void> b = CompletableFuture.runAsync(gatewayB::start);
        gatewayA.start();
        try {
            b.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        gatewayA.awaitRuleSetsWarm(Duration.ofSeconds(90));
        gatewayB.awaitRuleSetsWarm(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gatewayA, gatewayB, customs);
    }

    @Test
    void theWsdlDeclaresTheOperationsAndElementsThisTestWrites() {
        HttpAnswer wsdl = gatewayA.get(PATH + "?wsdl");

        assertEquals(200, wsdl.status(), wsdl::toString);
        Document d = SecureXml.parse(wsdl.body());
        assertEquals(NS, d.getDocumentElement().getAttribute("targetNamespace"), wsdl::toString);
        String text = wsdl.text();
        for (String name : List.of("\"SubmitDocument\"", "\"SubmitDocumentResponse\"", "\"GetDocumentStatus\"",
                "\"GetDocumentStatusResponse\"", "\"Rejection\"", "\"document\"", "\"mediaType\"",
                "\"duplicate\"", "urn:silkgate:document-exchange:1:SubmitDocument")) {
            assertTrue(text.contains(name), "the WSDL does not declare " + name);
        }
    }

    @Test
    void aSoapSubmissionIsAcceptedOnceAndTravelsToGatewayBOverSoap() {
        byte[] invoice = Samples.freshSignedInvoice("soap");

        Document first = call("SubmitDocument", submitDocument(invoice), 200);

        String id = text(first, "id");
        assertFalse(id.isBlank(), () -> xml(first));
        assertEquals("ACCEPTED", text(first, "status"), () -> xml(first));
        assertEquals("ubl", text(first, "format"), () -> xml(first));
        assertEquals(Samples.sha256Hex(invoice), text(first, "sha256"), () -> xml(first));
        assertEquals(List.of("gateway-b"), texts(first, "destination"), () -> xml(first));
        assertEquals("false", text(first, "duplicate"), () -> xml(first));

        Document repeat = call("SubmitDocument", submitDocument(invoice), 200);
        assertEquals("true", text(repeat, "duplicate"), () -> xml(repeat));
        assertEquals(id, text(repeat, "id"), () -> xml(repeat));

        // A -> B over SOAP, then B -> its REST partner: the signed bytes arrive unchanged at the far end
        Await.until(SETTLE, "the invoice to reach gateway B's partner through A's SOAP delivery",
                () -> customs.requests().stream().anyMatch(r -> r.accepted() && Arrays.equals(invoice, r.body())),
                () -> customs.describe() + "\n" + gatewayA.logTail() + "\n" + gatewayB.logTail());
        JsonNode atA = gatewayA.awaitDocument(id, "status DELIVERED at A",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        JsonNode delivery = atA.path("deliveries").path(0);
        assertEquals("gateway-b", delivery.path("partner").asText(), atA::toString);
        assertEquals("DELIVERED", delivery.path("status").asText(), atA::toString);

        List<StubPartner.Request> arrived = customs.requests().stream()
                .filter(r -> Arrays.equals(invoice, r.body())).toList();
        assertEquals(1, arrived.size(), "the repeat must not travel a second time\n" + customs.describe());
        String idAtB = arrived.get(0).documentId();
        assertNotNull(idAtB, customs::describe);
        JsonNode atB = gatewayB.awaitDocument(idAtB, "status DELIVERED at B",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        assertEquals(Samples.sha256Hex(invoice), atB.path("sha256").asText(), atB::toString);
        HttpAnswer originalAtB = gatewayB.get("/api/v1/documents/" + idAtB + "/original");
        assertArrayEquals(invoice, originalAtB.body(), "B must have received the bytes A was given");

        Document status = call("GetDocumentStatus", "<x:GetDocumentStatus><x:id>" + id
                + "</x:id></x:GetDocumentStatus>", 200);
        assertEquals(id, text(status, "id"), () -> xml(status));
        assertEquals("DELIVERED", text(status, "status"), () -> xml(status));
        assertEquals(Samples.sha256Hex(invoice), text(status, "sha256"), () -> xml(status));
        Element soapDelivery = first(status, "delivery");
        assertNotNull(soapDelivery, () -> xml(status));
        assertEquals("gateway-b", text(soapDelivery, "partner"), () -> xml(status));
        assertEquals("DELIVERED", text(soapDelivery, "status"), () -> xml(status));
        assertFalse(texts(status, "event").isEmpty(), () -> xml(status));
    }

    @Test
    void aTamperedDocumentIsASoapClientFaultWithCodeSignatureInvalid() {
        byte[] tampered = Samples.document("invoice-cn-vn.tampered.xml");

        Document fault = call("SubmitDocument", submitDocument(tampered), 500);

        assertEquals("Client", localName(text(fault, SOAP_ENV, "Fault", "faultcode")), () -> xml(fault));
        Element rejection = first(fault, "Rejection");
        assertNotNull(rejection, () -> "no Rejection in the fault detail\n" + xml(fault));
        assertEquals("SIGNATURE_INVALID", text(rejection, "code"), () -> xml(fault));
        String recordedAs = text(rejection, "id");
        assertFalse(recordedAs.isBlank(), () -> xml(fault));
        assertEquals("REJECTED", gatewayA.document(recordedAs).path("status").asText());
    }

    @Test
    void theStatusOfAnUnknownIdIsAClientFault() {
        Document fault = call("GetDocumentStatus",
                "<x:GetDocumentStatus><x:id>no-such-document</x:id></x:GetDocumentStatus>", 500);

        assertEquals("Client", localName(text(fault, SOAP_ENV, "Fault", "faultcode")), () -> xml(fault));
        Element unknown = first(fault, "UnknownDocument");
        assertNotNull(unknown, () -> xml(fault));
        assertEquals("no-such-document", text(unknown, "id"), () -> xml(fault));
    }

    private static String submitDocument(byte[] document) {
        return "<x:SubmitDocument><x:document>" + Base64.getEncoder().encodeToString(document) + "</x:document>"
                + "<x:mediaType>application/xml</x:mediaType></x:SubmitDocument>";
    }

    /** Posts one SOAP 1.1 request to gateway A, checks the HTTP status and returns the parsed envelope. */
    private Document call(String operation, String bodyXml, int expectedStatus) {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP_ENV + "\" xmlns:x=\"" + NS + "\">"
                + "<soap:Body>" + bodyXml + "</soap:Body></soap:Envelope>";
        HttpAnswer answer = gatewayA.post(PATH, envelope.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8",
                "SOAPAction", "\"" + NS + ":" + operation + "\"");
        assertEquals(expectedStatus, answer.status(), () -> answer + "\n" + gatewayA.logTail());
        assertTrue(answer.mediaType().equals("text/xml"), answer::toString);
        return SecureXml.parse(answer.body());
    }

    private static Element first(Node scope, String localName) {
        NodeList nodes = scope instanceof Document d ? d.getElementsByTagNameNS(NS, localName)
                : ((Element) scope).getElementsByTagNameNS(NS, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Node scope, String localName) {
        Element e = first(scope, localName);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static List<String> texts(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS(NS, localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    /** faultcode and faultstring are unqualified children of soap:Fault. */
    private static String text(Document d, String ns, String parent, String child) {
        NodeList parents = d.getElementsByTagNameNS(ns, parent);
        if (parents.getLength() == 0) {
            return "";
        }
        for (Node n = parents.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && child.equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static String localName(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    private static String xml(Document d) {
        StringWriter out = new StringWriter();
        try {
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
        } catch (TransformerException e) {
            return "(cannot print the answer: " + e + ")";
        }
        return out.toString();
    }
}
