package io.silkgate.schemas.en16931;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The invoice formats on the class path (ServiceLoader), loaded once and cached. */
public final class InvoiceFormats {

    private InvoiceFormats() {
    }

    private static final class Holder {
        // Lazy holder: ServiceLoader runs once, on first use, and every caller sees the same instances.
        static final List<InvoiceFormat> FORMATS = load();

        private static List<InvoiceFormat> load() {
            List<InvoiceFormat> formats = new ArrayList<>();
            for (InvoiceFormat format : ServiceLoader.load(InvoiceFormat.class, InvoiceFormats.class.getClassLoader())) {
                formats.add(format);
            }
            formats.sort(Comparator.comparing(InvoiceFormat::formatId));
            return List.copyOf(formats);
        }
    }

    /** The format with this catalogue id, if one is registered. */
    public static Optional<InvoiceFormat> byId(String id) {
        return Holder.FORMATS.stream().filter(format -> format.formatId().equals(id)).findFirst();
    }

    /** Every registered format, sorted by id. */
    public static List<InvoiceFormat> all() {
        return Holder.FORMATS;
    }
}
