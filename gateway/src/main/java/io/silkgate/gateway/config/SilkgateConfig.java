package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole gateway configuration, as read from {@code silkgate.yaml} by {@link ConfigLoader}.
 *
 * @param source     the file it was read from (absolute), or null for the built-in defaults
 * @param submitters empty: anyone may submit (local use only)
 * @param signers    empty: any trusted signer may issue for any party
 * @param pint       null: the PINT receiver is disabled
 * @param directory  electronic addresses of parties whose invoices lack them (empty: none)
 */
public record SilkgateConfig(Path source, GatewaySettings gateway, List<Submitter> submitters, List<SignerRule> signers,
                             List<TrustEntry> trust, List<Partner> partners, List<RoutingRule> routing,
                             PintSettings pint, List<DirectoryEntry> directory) {

    public SilkgateConfig {
        Objects.requireNonNull(gateway, "gateway");
        submitters = List.copyOf(submitters);
        signers = List.copyOf(signers);
        trust = List.copyOf(trust);
        partners = List.copyOf(partners);
        routing = List.copyOf(routing);
        directory = directory == null ? List.of() : List.copyOf(directory);
    }

    /**
     * The same configuration with the data directory given on the command line ({@code --data}),
     * which wins over {@code gateway.data-dir}; a relative {@code dir} is taken from the working directory.
     */
    public SilkgateConfig withDataDir(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return new SilkgateConfig(source, gateway.withDataDir(absolute), submitters, signers, trust, partners,
                routing, pint, directory);
    }

    /** The partner with this id, if configured. */
    public Optional<Partner> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
