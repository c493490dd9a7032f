package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML as the strictest consumer reads it: a duplicated key (which kubectl and compose silently resolve to the last
 * one) is an error, and every document must be a mapping.
 */
final class StrictYaml {

    private StrictYaml() {
    }

    /** Every non-empty document of the text, each a mapping; {@link InvalidYaml} otherwise. */
    static List<Map<String, Object>> documents(String text, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            int index = 0;
            for (Object document : yaml.loadAll(text)) {
                index++;
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new InvalidYaml(origin + ": document " + index + " is not a mapping");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                documents.add(typed);
            }
        } catch (YAMLException e) {
            throw new InvalidYaml(origin + ": " + e.getMessage().lines().findFirst().orElse("invalid YAML")
                    + " (" + e.getMessage().replaceAll("\\s+", " ") + ")");
        }
        return documents;
    }

    static Map<String, Object> single(String text, String origin) {
        List<Map<String, Object>> documents = documents(text, origin);
        if (documents.size() != 1) {
            throw new InvalidYaml(origin + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static final class InvalidYaml extends RuntimeException {
        InvalidYaml(String message) {
            super(message);
        }
    }
}
