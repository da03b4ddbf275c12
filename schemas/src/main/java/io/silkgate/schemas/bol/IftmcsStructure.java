package io.silkgate.schemas.bol;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an IFTMCS interchange back with StAEDI (control structure validated: UNB/UNH/UNT/UNZ, counts and
 * references) and lists its segments, so a copy can be checked before it leaves: one IFTMCS D99B message with a
 * BGM, at least one TDT, NAD and GID, and a segment count that matches UNT.
 */
public final class IftmcsStructure {

    /** One segment: its tag and its elements, each a list of components. */
    public record Segment(String tag, List<List<String>> elements) {
        /** The component at (element, component), counting from 1 like the EDIFACT directories; "" when absent. */
        public String at(int element, int component) {
            if (element > elements.size() || component > elements.get(element - 1).size()) {
                return "";
            }
            return elements.get(element - 1).get(component - 1);
        }
    }

    private IftmcsStructure() {
    }

    /** Every segment of the interchange, in order; throws IllegalArgumentException when it cannot be read. */
    public static List<Segment> read(byte[] edi) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(edi))) {
            List<List<String>> elements = null;
            List<String> composite = null;
            String tag = null;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                switch (e) {
                    case START_SEGMENT -> {
                        tag = r.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        elements.add(composite);
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.add(r.getText());
                        } else {
                            elements.add(new ArrayList<>(List.of(r.getText())));
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, trim(elements)));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(r.getErrorType()
                            + " at " + r.getLocation());
                    default -> {
                        // interchange/group/transaction boundaries carry no data of their own
                    }
                }
            }
        } catch (EDIStreamException | IOException e) {
            throw new IllegalArgumentException("not a readable EDIFACT interchange: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("EDIFACT control structure errors: " + errors);
        }
        return segments;
    }

    /** The problems of an IFTMCS copy; empty when it is well-formed. */
    public static List<Problem> check(byte[] edi) {
        List<Problem> out = new ArrayList<>();
        List<Segment> segments;
        try {
            segments = read(edi);
        } catch (IllegalArgumentException e) {
            return List.of(Problem.of(ErrorCode.SCHEMA_INVALID, "IFTMCS: " + e.getMessage()));
        }
        int unh = -1;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if ("UNH".equals(s.tag())) {
                unh = i;
                if (!"IFTMCS".equals(s.at(2, 1)) || !"D".equals(s.at(2, 2)) || !"99B".equals(s.at(2, 3))) {
                    out.add(Problem.at(ErrorCode.SCHEMA_INVALID, "IFTMCS: the message is not IFTMCS D99B", "UNH"));
                }
            }
            if ("UNT".equals(s.tag()) && unh >= 0 && !Integer.toString(i - unh + 1).equals(s.at(1, 1))) {
                out.add(Problem.at(ErrorCode.SCHEMA_INVALID, "IFTMCS: UNT counts " + s.at(1, 1) + " segments, the "
                        + "message has " + (i - unh + 1), "UNT"));
            }
        }
        for (String tag : List.of("BGM", "TDT", "NAD", "GID")) {
            if (segments.stream().noneMatch(s -> tag.equals(s.tag()))) {
                out.add(Problem.at(ErrorCode.SCHEMA_INVALID, "IFTMCS: mandatory segment " + tag + " is missing", tag));
            }
        }
        return out;
    }

    private static List<List<String>> trim(List<List<String>> elements) {
        return List.copyOf(elements);
    }
}
