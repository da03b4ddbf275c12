package io.silkgate.schemas.validation;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.xml.source.IValidationSourceXML;

/**
 * The one phive registry of the JVM, holding every EN 16931, Peppol BIS and PINT executor set that the bundled
 * phive-rules ship; every phive-backed rule set takes its executor sets from here.
 */
final class PhiveRegistry {

    private PhiveRegistry() {
    }

    /** The executor set registered under {@code id}; a missing id means the rule jars do not match this code. */
    static IValidationExecutorSet<IValidationSourceXML> executorSet(DVRCoordinate id) {
        IValidationExecutorSet<IValidationSourceXML> set = Holder.REGISTRY.getOfID(id);
        if (set == null) {
            throw new IllegalStateException("phive has no validation executor set " + id.getAsSingleID()
                    + ": the phive-rules jars on the class path do not match this build");
        }
        return set;
    }

    // Initialisation-on-demand: the registry (about 260 executor sets, a few hundred ms) is built once, on first use.
    private static final class Holder {
        static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = create();

        private static ValidationExecutorSetRegistry<IValidationSourceXML> create() {
            ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
            EN16931Validation.initEN16931(registry);
            PeppolValidation.initStandard(registry);
            return registry;
        }
    }
}
