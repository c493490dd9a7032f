package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Kafka as the code declares it: the KafkaTopics are exactly contracts' Topics, with the partitions and cleanup
 * policy platform-support's TopicsAutoConfiguration declares; KEDA's Kafka triggers watch a real topic with the
 * consumer group the service's listener uses, read the offsets the service's consumers reset to, talk to the
 * bootstrap servers the service uses, and never scale beyond the partition count; a Prometheus trigger queries
 * the metrics of the service it scales.
 */
final class KafkaRules {

    private static final String TOPICS = "contracts/src/main/java/io/surge/ticketing/contracts/Topics.java";
    private static final String TOPICS_CONFIGURATION =
            "platform-support/src/main/java/io/surge/ticketing/platform/kafka/TopicsAutoConfiguration.java";
    /** Where the default partition count is stated (ticketing.kafka.partitions). */
    private static final String TOPIC_SETTINGS =
            "platform-support/src/main/java/io/surge/ticketing/platform/kafka/KafkaTopicSettings.java";

    record Topic(String name, int partitions, boolean compacted) {
    }

    private final Repository repository;

    KafkaRules(Repository repository) {
        this.repository = repository;
    }

    /** Topics.java constants to names. */
    Map<String, String> topicNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";").matcher(repository.read(TOPICS));
        while (m.find()) {
            names.put(m.group(1), m.group(2));
        }
        return names;
    }

    /** Every topic as TopicsAutoConfiguration declares it, with the default partition count (KafkaTopicSettings). */
    Map<String, Topic> declaredTopics() {
        String source = repository.read(TOPICS_CONFIGURATION);
        Matcher defaults = Pattern.compile("@DefaultValue\\(\"(\\d+)\"\\)\\s+int\\s+partitions")
                .matcher(repository.read(TOPIC_SETTINGS));
        int partitions = defaults.find() ? Integer.parseInt(defaults.group(1)) : 1;
        Map<String, String> names = topicNames();
        Map<String, Topic> topics = new LinkedHashMap<>();
        Matcher plain = Pattern.compile("topic\\(Topics\\.(\\w+),\\s*(\\w+)").matcher(source);
        while (plain.find()) {
            String name = names.get(plain.group(1));
            topics.put(name, new Topic(name, count(plain.group(2), partitions), false));
        }
        Matcher built = Pattern.compile("TopicBuilder\\.name\\(Topics\\.(\\w+)\\)\\.partitions\\((\\w+)\\)(.*?)\\.build\\(\\)",
                Pattern.DOTALL).matcher(source);
        while (built.find()) {
            String name = names.get(built.group(1));
            topics.put(name, new Topic(name, count(built.group(2), partitions), built.group(3).contains("COMPACT")));
        }
        return topics;
    }

    List<String> checkTopics(Manifests infrastructure) {
        List<String> problems = new ArrayList<>();
        Map<String, Topic> declared = declaredTopics();
        if (!declared.keySet().equals(Set.copyOf(topicNames().values()))) {
            problems.add(TOPICS_CONFIGURATION + " does not declare every topic of Topics.java (or this parser no longer "
                    + "understands it): " + declared.keySet() + " vs " + topicNames().values());
        }
        Map<String, GenericKubernetesResource> kafkaTopics = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : infrastructure.custom("KafkaTopic")) {
            Object topicName = KubernetesObjects.spec(topic).get("topicName");
            kafkaTopics.put(topicName != null ? topicName.toString() : topic.getMetadata().getName(), topic);
        }
        for (Topic topic : declared.values()) {
            GenericKubernetesResource resource = kafkaTopics.get(topic.name());
            if (resource == null) {
                problems.add("KafkaTopic " + topic.name() + " is missing (contracts Topics declares it)");
                continue;
            }
            Map<String, Object> spec = KubernetesObjects.spec(resource);
            if (!Integer.valueOf(topic.partitions()).equals(spec.get("partitions"))) {
                problems.add("KafkaTopic " + topic.name() + ": " + spec.get("partitions") + " partitions, the code declares "
                        + topic.partitions());
            }
            Object policy = spec.get("config") instanceof Map<?, ?> config ? config.get("cleanup.policy") : null;
            if (topic.compacted() != "compact".equals(policy)) {
                problems.add("KafkaTopic " + topic.name() + ": cleanup.policy " + policy + ", the code declares "
                        + (topic.compacted() ? "compact" : "delete"));
            }
        }
        kafkaTopics.keySet().stream().filter(name -> !declared.containsKey(name))
                .forEach(name -> problems.add("KafkaTopic " + name + " is no topic of contracts Topics"));
        return problems;
    }

    List<String> checkScaledObjects(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Topic> declared = declaredTopics();
        for (GenericKubernetesResource scaledObject : manifests.custom("ScaledObject")) {
            Map<String, Object> spec = KubernetesObjects.spec(scaledObject);
            String target = String.valueOf(ComposeRules.map(spec.get("scaleTargetRef")).get("name"));
            String where = "ScaledObject/" + scaledObject.getMetadata().getName();
            if (!repository.serviceModules().contains(target)) {
                problems.add(where + ": scales " + target + ", which is no service module");
                continue;
            }
            ServiceSettings settings = ServiceSettings.of(repository, target);
            Map<String, String> environment = manifests.find(Deployment.class, target)
                    .map(d -> manifests.environment(d.getSpec().getTemplate().getSpec().getContainers().get(0)))
                    .orElse(Map.of());
            Set<String> profiles = settings.activeProfiles(environment.get("SPRING_PROFILES_ACTIVE"));
            String sources = String.join("\n", repository.mainSources(target).stream().map(Repository::read).toList());
            for (Object t : ComposeRules.list(spec.get("triggers"))) {
                Map<String, Object> trigger = ComposeRules.map(t);
                Map<String, Object> metadata = ComposeRules.map(trigger.get("metadata"));
                if ("kafka".equals(trigger.get("type"))) {
                    String topic = String.valueOf(metadata.get("topic"));
                    String group = String.valueOf(metadata.get("consumerGroup"));
                    Topic declaredTopic = declared.get(topic);
                    if (declaredTopic == null) {
                        problems.add(where + ": topic " + topic + " is no topic of contracts Topics");
                    } else if (spec.get("maxReplicaCount") instanceof Integer max && max > declaredTopic.partitions()) {
                        problems.add(where + ": maxReplicaCount " + max + " exceeds the " + declaredTopic.partitions()
                                + " partitions of " + topic + " (idle consumers)");
                    }
                    if (!sources.contains("\"" + group + "\"") && !sources.contains(":" + group + "}")) {
                        problems.add(where + ": consumer group " + group + " is used by no listener of " + target);
                    }
                    String reset = settings.resolved("spring.kafka.consumer.auto-offset-reset", profiles, environment).orElse("latest");
                    if (!reset.equals(metadata.get("offsetResetPolicy"))) {
                        problems.add(where + ": offsetResetPolicy " + metadata.get("offsetResetPolicy") + ", but " + target
                                + " resets to " + reset + " (spring.kafka.consumer.auto-offset-reset)");
                    }
                    String bootstrap = settings.resolved("spring.kafka.bootstrap-servers", profiles, environment).orElse("");
                    if (!bootstrap.equals(metadata.get("bootstrapServers"))) {
                        problems.add(where + ": bootstrapServers " + metadata.get("bootstrapServers") + ", but " + target
                                + " uses " + bootstrap);
                    }
                } else if ("prometheus".equals(trigger.get("type"))) {
                    String application = settings.value("spring.application.name", Set.of()).orElse(target);
                    if (!String.valueOf(metadata.get("query")).contains("application=\"" + application + "\"")) {
                        problems.add(where + ": the query must select application=\"" + application + "\" (the service's metrics tag)");
                    }
                }
            }
        }
        return problems;
    }

    /** A @KafkaListener of a module: the topics it reads and its consumer group (placeholders resolved). */
    record Listener(String source, List<String> topics, String group) {
    }

    /**
     * The @KafkaListener methods of a module's own sources: topics from contracts' Topics constants or strings
     * (${property:default} resolved with its application.yml), the group from groupId, else the id (idIsGroup).
     */
    List<Listener> listeners(String module) {
        ServiceSettings settings = ServiceSettings.of(repository, module);
        Map<String, String> names = topicNames();
        List<Listener> listeners = new ArrayList<>();
        for (java.nio.file.Path source : repository.mainSources(module)) {
            String text = Repository.read(source);
            int at = text.indexOf("@KafkaListener(");
            while (at >= 0) {
                int start = at + "@KafkaListener(".length();
                int end = start;
                for (int depth = 1; end < text.length() && depth > 0; end++) {
                    depth += text.charAt(end) == '(' ? 1 : text.charAt(end) == ')' ? -1 : 0;
                }
                String arguments = text.substring(start, end - 1);
                List<String> topics = new ArrayList<>();
                Matcher value = Pattern.compile("\\btopics\\s*=\\s*(\\{[^}]*}|[^,]+)").matcher(arguments);
                if (value.find()) {
                    Matcher constant = Pattern.compile("Topics\\.(\\w+)").matcher(value.group(1));
                    while (constant.find()) {
                        topics.add(names.getOrDefault(constant.group(1), constant.group(1)));
                    }
                    Matcher string = Pattern.compile("\"([^\"]*)\"").matcher(value.group(1));
                    while (string.find()) {
                        topics.add(resolve(string.group(1), settings));
                    }
                }
                String group = attribute(arguments, "groupId");
                if (group == null && !arguments.matches("(?s).*\\bidIsGroup\\s*=\\s*false.*")) {
                    group = attribute(arguments, "id");
                }
                listeners.add(new Listener(source.getFileName().toString(), topics, group == null ? null : resolve(group, settings)));
                at = text.indexOf("@KafkaListener(", end);
            }
        }
        return listeners;
    }

    /** The topics of contracts' Topics a module's own sources name (Topics.X). */
    Set<String> referencedTopics(String module) {
        Map<String, String> names = topicNames();
        Set<String> topics = new java.util.LinkedHashSet<>();
        for (java.nio.file.Path source : repository.mainSources(module)) {
            Matcher constant = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b").matcher(Repository.read(source));
            while (constant.find()) {
                if (names.containsKey(constant.group(1))) {
                    topics.add(names.get(constant.group(1)));
                }
            }
        }
        return topics;
    }

    private static String attribute(String arguments, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(arguments);
        return m.find() ? m.group(1) : null;
    }

    /** "${a.b:default}" -> a.b of the yml, else default; anything else as it is. */
    private static String resolve(String value, ServiceSettings settings) {
        Matcher m = Pattern.compile("^\\$\\{([^}:]+)(?::([^}]*))?}$").matcher(value);
        if (!m.matches()) {
            return value;
        }
        return settings.value(m.group(1), Set.of()).orElse(m.group(2) == null ? "" : m.group(2));
    }

    private static int count(String value, int partitions) {
        return value.matches("\\d+") ? Integer.parseInt(value) : partitions;
    }
}
