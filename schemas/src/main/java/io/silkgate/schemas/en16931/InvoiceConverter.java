package io.silkgate.schemas.en16931;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Element;

/** Converts an invoice between two registered formats through the EN 16931 model, reporting every source term. */
public final class InvoiceConverter {

    private final Function<String, Optional<InvoiceFormat>> formats;
    private final ElectronicAddresses addresses;

    /** A converter over every format registered through ServiceLoader ({@link InvoiceFormats}). */
    public InvoiceConverter() {
        this(InvoiceFormats::byId, ElectronicAddresses.NONE);
    }

    /** A converter over every registered format that fills in missing electronic addresses from a directory. */
    public InvoiceConverter(ElectronicAddresses addresses) {
        this(InvoiceFormats::byId, addresses);
    }

    /** A converter over the given formats only (tests, or a gateway that restricts its catalogue). */
    public InvoiceConverter(Collection<? extends InvoiceFormat> available) {
        this(id -> available.stream().filter(f -> f.formatId().equals(id)).<InvoiceFormat>map(f -> f).findFirst(),
                ElectronicAddresses.NONE);
    }

    private InvoiceConverter(Function<String, Optional<InvoiceFormat>> formats, ElectronicAddresses addresses) {
        this.formats = formats;
        this.addresses = addresses;
    }

    /**
     * Reads {@code sourceRoot} as {@code from}, writes it as {@code to} and reports each present source term as
     * carried or dropped. Throws {@link IllegalArgumentException} for an unknown format id or one that cannot read
     * (from) or write (to); the reader's {@link io.silkgate.schemas.DocumentRejectedException} passes through.
     */
    public ConversionResult convert(Element sourceRoot, String from, String to) {
        InvoiceFormat source = format(from);
        InvoiceFormat target = format(to);
        if (!source.canRead()) {
            throw new IllegalArgumentException("format " + from + " cannot be read");
        }
        if (!target.canWrite()) {
            throw new IllegalArgumentException("format " + to + " cannot be written");
        }
        Invoice read = source.read(sourceRoot);
        Invoice invoice = SingaporeGst.FORMAT.equals(to) ? read : SingaporeGst.toEn16931(read);
        // addresses from the directory are not source terms, so the report does not list them as carried
        Invoice addressed = addresses.fillIn(invoice);
        Invoice prepared = target.prepare(addressed);
        byte[] document = target.write(addressed);
        return new ConversionResult(document, report(from, invoice, prepared, target));
    }

    /** The report for writing {@code invoice} (read as {@code from}) to {@code target}. */
    public static ConversionReport report(String from, Invoice invoice, InvoiceFormat target) {
        return report(from, invoice, target.prepare(invoice), target);
    }

    private static ConversionReport report(String from, Invoice invoice, Invoice prepared, InvoiceFormat target) {
        Set<String> writable = target.writableTerms();
        Map<String, Integer> counts = invoice.termCounts();
        Map<String, List<DroppedTerm>> instanceLosses = new LinkedHashMap<>();
        for (DroppedTerm loss : target.droppedInstances(prepared)) {
            instanceLosses.computeIfAbsent(loss.term(), term -> new ArrayList<>()).add(loss);
        }
        List<String> carried = new ArrayList<>();
        List<DroppedTerm> dropped = new ArrayList<>();
        // the present terms are the counted ones (in EN 16931 order); a profile that changed nothing kept them all
        Set<String> present = counts.keySet();
        Set<String> keptByProfile = prepared == invoice ? present : prepared.presentTerms();
        for (String term : present) {
            String replaced = keptByProfile.contains(term) ? replacement(term, invoice, prepared, target)
                    : target.droppedReason(term);
            List<DroppedTerm> losses = instanceLosses.getOrDefault(term, List.of());
            instanceLosses.remove(term);
            if (!writable.contains(term)) {
                dropped.add(new DroppedTerm(term, target.droppedReason(term)));
            } else if (replaced != null) {
                dropped.add(new DroppedTerm(term, replaced));
            } else {
                if (losses.size() < counts.getOrDefault(term, 0)) {
                    carried.add(term);
                }
                dropped.addAll(losses);
            }
        }
        instanceLosses.values().forEach(dropped::addAll);
        return new ConversionReport(from, target.formatId(), carried, dropped);
    }

    // A profile may replace BT-23 / BT-24 with its own; the source value is then lost and the report must say so.
    private static String replacement(String term, Invoice invoice, Invoice prepared, InvoiceFormat target) {
        ProcessControl before = invoice.processControl();
        ProcessControl after = prepared.processControl();
        if ("BT-23".equals(term)) {
            return changed(term, "business process type", before.businessProcessType(),
                    after == null ? null : after.businessProcessType(), target);
        }
        if ("BT-24".equals(term)) {
            return changed(term, "specification identifier", before.specificationIdentifier(),
                    after == null ? null : after.specificationIdentifier(), target);
        }
        return null;
    }

    private static String changed(String term, String what, String before, String after, InvoiceFormat target) {
        if (Objects.equals(before, after)) {
            return null;
        }
        return after == null ? target.droppedReason(term)
                : target.formatId() + " replaces the " + what + " '" + before + "' (" + term + ") with '" + after + "'";
    }

    private InvoiceFormat format(String id) {
        return formats.apply(id).orElseThrow(() -> new IllegalArgumentException("unknown invoice format: " + id));
    }
}
