package io.surge.ticketing.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * What every service Deployment must be: our image of a Maven module at the project's version, Actuator probes on
 * a declared port that is the port the service listens on, requests and a memory limit, non-root with a read-only
 * root filesystem, a graceful shutdown that fits in the grace period, spread over nodes; a Deployment that owns a
 * ReadWriteOnce volume (cdc-connector's offsets) runs exactly one pod, replaced with Recreate, never autoscaled.
 */
final class WorkloadRules {

    static final String REGISTRY = "ghcr.io/surge-ticketing/";

    private final Repository repository;

    WorkloadRules(Repository repository) {
        this.repository = repository;
    }

    List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> autoscaled = autoscaledDeployments(manifests);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            checkDeployment(manifests, deployment, autoscaled.contains(deployment.getMetadata().getName()), problems);
        }
        return problems;
    }

    static Set<String> autoscaledDeployments(Manifests manifests) {
        Set<String> names = manifests.all(HorizontalPodAutoscaler.class).stream()
                .map(h -> h.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        for (GenericKubernetesResource scaledObject : manifests.custom("ScaledObject")) {
            if (KubernetesObjects.spec(scaledObject).get("scaleTargetRef") instanceof Map<?, ?> ref) {
                names.add(String.valueOf(ref.get("name")));
            }
        }
        return names;
    }

    private void checkDeployment(Manifests manifests, Deployment deployment, boolean autoscaled, List<String> problems) {
        String name = deployment.getMetadata().getName();
        String where = "Deployment/" + name;
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        if (podLabels == null || !name.equals(podLabels.get("app.kubernetes.io/name"))
                || !"ticketing".equals(podLabels.get("app.kubernetes.io/part-of"))) {
            problems.add(where + ": pods must be labelled app.kubernetes.io/name=" + name + ", app.kubernetes.io/part-of=ticketing");
        }
        if (pod.getContainers().size() != 1) {
            problems.add(where + ": one container per pod, the service");
        }
        long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
        boolean nonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
        for (Container container : pod.getContainers()) {
            String module = checkImage(where, container, problems);
            checkProbes(where, deployment, container, problems);
            checkResources(where, container, problems);
            boolean containerNonRoot = container.getSecurityContext() != null
                    && Boolean.TRUE.equals(container.getSecurityContext().getRunAsNonRoot());
            if (!nonRoot && !containerNonRoot) {
                problems.add(where + ": runAsNonRoot must be true");
            }
            if (container.getSecurityContext() == null
                    || !Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem())
                    || !Boolean.FALSE.equals(container.getSecurityContext().getAllowPrivilegeEscalation())) {
                problems.add(where + ": readOnlyRootFilesystem: true and allowPrivilegeEscalation: false");
            }
            checkTmp(where, pod, container, problems);
            if (module != null && repository.serviceModules().contains(module)) {
                ServiceSettings settings = ServiceSettings.of(repository, module);
                Map<String, String> env = manifests.environment(container);
                checkShutdown(where, container, grace, settings, env, problems);
                int port = settings.port(env);
                boolean declared = container.getPorts() != null && container.getPorts().stream()
                        .anyMatch(p -> "http".equals(p.getName()) && p.getContainerPort() == port);
                if (!declared) {
                    problems.add(where + ": " + module + " listens on " + port + " (server.port): declare it as the "
                            + "container port named http");
                }
            }
        }
        checkAntiAffinity(where, pod, podLabels, problems);
        checkReplicas(where, deployment, pod, autoscaled, problems);
    }

    private String checkImage(String where, Container container, List<String> problems) {
        String image = container.getImage() == null ? "" : container.getImage();
        String name = Kustomize.imageName(image);
        if (!name.startsWith(REGISTRY)) {
            problems.add(where + ": image " + image + " is not one of ours (" + REGISTRY + "<module>)");
            return null;
        }
        String module = name.substring(REGISTRY.length());
        if (!repository.modules().contains(module)) {
            problems.add(where + ": image " + image + " names no Maven module of the root pom (" + repository.modules() + ")");
        }
        if (!where.equals("Deployment/" + module) || !module.equals(container.getName())) {
            problems.add(where + ": the Deployment, its container and its image are named after the module (" + module + ")");
        }
        String version = repository.projectVersion();
        if (!version.equals(Kustomize.imageTag(image))) {
            problems.add(where + ": image tag of " + image + " is not the project version " + version);
        }
        return module;
    }

    private static void checkProbes(String where, Deployment deployment, Container container, List<String> problems) {
        Manifests.Workload workload = new Manifests.Workload("Deployment", deployment.getMetadata().getName(), null,
                deployment.getSpec().getSelector(), deployment.getSpec().getTemplate());
        checkProbe(where, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", workload, problems);
        checkProbe(where, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", workload, problems);
        if (container.getStartupProbe() == null) {
            problems.add(where + ": a startupProbe, so a slow JVM start is not killed by the liveness probe");
        } else if (container.getStartupProbe().getHttpGet() != null) {
            checkProbe(where, "startupProbe", container.getStartupProbe(), "/actuator/health/liveness", workload, problems);
        }
    }

    private static void checkProbe(String where, String which, Probe probe, String path, Manifests.Workload workload,
            List<String> problems) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(where + ": " + which + " must be an httpGet on " + path);
            return;
        }
        if (!path.equals(get.getPath())) {
            problems.add(where + ": " + which + " probes " + get.getPath() + ", not the Actuator group " + path);
        }
        if (workload.port(get.getPort()).isEmpty()) {
            problems.add(where + ": " + which + " port " + portText(get.getPort()) + " is not a port the container declares");
        }
    }

    private static void checkResources(String where, Container container, List<String> problems) {
        Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
        if (requests == null || !requests.containsKey("cpu") || !requests.containsKey("memory")) {
            problems.add(where + ": resources.requests needs cpu and memory");
        }
        if (limits == null || !limits.containsKey("memory")) {
            problems.add(where + ": resources.limits needs memory (the heap is sized from it: MaxRAMPercentage)");
        } else if (requests != null && requests.containsKey("memory") && limits.get("memory").getNumericalAmount()
                .compareTo(requests.get("memory").getNumericalAmount()) < 0) {
            problems.add(where + ": memory limit below the request");
        }
    }

    private static void checkTmp(String where, PodSpec pod, Container container, List<String> problems) {
        Optional<String> volume = container.getVolumeMounts() == null ? Optional.empty()
                : container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()))
                        .map(m -> m.getName()).findFirst();
        boolean emptyDir = volume.isPresent() && pod.getVolumes() != null && pod.getVolumes().stream()
                .anyMatch(v -> v.getName().equals(volume.get()) && v.getEmptyDir() != null);
        if (!emptyDir) {
            problems.add(where + ": /tmp must be an emptyDir (the root filesystem is read-only; Tomcat and the JVM write there)");
        }
    }

    private static void checkShutdown(String where, Container container, long grace, ServiceSettings settings,
            Map<String, String> env, List<String> problems) {
        if (!settings.gracefulShutdown(env)) {
            problems.add(where + ": " + settings.module() + " has no server.shutdown=graceful: set SERVER_SHUTDOWN=graceful");
        }
        long preStop = preStopSeconds(container.getLifecycle() == null ? null : container.getLifecycle().getPreStop());
        if (preStop <= 0) {
            problems.add(where + ": a preStop sleep, so endpoints drop the pod before the service stops accepting");
        }
        Duration phase = settings.shutdownPhase(env);
        if (grace <= preStop + phase.toSeconds()) {
            problems.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed the preStop sleep (" + preStop
                    + " s) plus spring.lifecycle.timeout-per-shutdown-phase (" + phase.toSeconds() + " s)");
        }
    }

    static long preStopSeconds(LifecycleHandler handler) {
        if (handler == null) {
            return 0;
        }
        if (handler.getSleep() != null && handler.getSleep().getSeconds() != null) {
            return handler.getSleep().getSeconds();
        }
        if (handler.getExec() != null && handler.getExec().getCommand() != null
                && handler.getExec().getCommand().size() == 2 && handler.getExec().getCommand().get(0).equals("sleep")) {
            try {
                return Long.parseLong(handler.getExec().getCommand().get(1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static void checkAntiAffinity(String where, PodSpec pod, Map<String, String> podLabels, List<String> problems) {
        List<WeightedPodAffinityTerm> terms = pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null
                ? List.of() : pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
        boolean spread = terms != null && terms.stream().anyMatch(t -> "kubernetes.io/hostname".equals(
                t.getPodAffinityTerm().getTopologyKey())
                && Manifests.matches(t.getPodAffinityTerm().getLabelSelector(), podLabels));
        if (!spread) {
            problems.add(where + ": a preferred podAntiAffinity by kubernetes.io/hostname on its own pods");
        }
    }

    private static void checkReplicas(String where, Deployment deployment, PodSpec pod, boolean autoscaled,
            List<String> problems) {
        boolean ownsVolume = pod.getVolumes() != null && pod.getVolumes().stream()
                .map(Volume::getPersistentVolumeClaim).anyMatch(c -> c != null);
        Integer replicas = deployment.getSpec().getReplicas();
        String strategy = deployment.getSpec().getStrategy() == null ? "RollingUpdate" : deployment.getSpec().getStrategy().getType();
        if (ownsVolume) {
            if (replicas == null || replicas != 1 || !"Recreate".equals(strategy) || autoscaled) {
                problems.add(where + ": owns a ReadWriteOnce volume (a single writer: one replication slot, one offsets "
                        + "file): exactly 1 replica, strategy Recreate, no autoscaler");
            }
        } else if (autoscaled && replicas != null) {
            problems.add(where + ": an autoscaler owns its replicas; spec.replicas would reset them on every apply");
        }
    }

    private static String portText(IntOrString port) {
        return port == null ? "(none)" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }
}
