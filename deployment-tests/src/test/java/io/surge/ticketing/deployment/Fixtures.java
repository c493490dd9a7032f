package io.surge.ticketing.deployment;

/** Small, valid objects that tests break one way at a time. */
final class Fixtures {

    private Fixtures() {
    }

    /** booking-service as the base declares it (API and management ports), with what single-build rules need. */
    static final String BOOKING = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: booking-service-config
              namespace: ticketing
            data:
              TICKETING_BIND_ADDRESS: "0.0.0.0"
              SPRING_PROFILES_ACTIVE: "prod"
              TICKETING_DB_HOST: "ticketing-pg-rw.ticketing-data.svc"
              TICKETING_DB_PORT: "5432"
              TICKETING_REDIS_HOST: "redis.ticketing-data.svc"
              TICKETING_REDIS_PORT: "6379"
              TICKETING_KAFKA_BOOTSTRAP: "ticketing-kafka-kafka-bootstrap.ticketing-data.svc:9092"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: booking-service
              namespace: ticketing
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: booking-service
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: booking-service
                    app.kubernetes.io/part-of: ticketing
                spec:
                  terminationGracePeriodSeconds: 45
                  securityContext:
                    runAsNonRoot: true
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 100
                          podAffinityTerm:
                            topologyKey: kubernetes.io/hostname
                            labelSelector:
                              matchLabels:
                                app.kubernetes.io/name: booking-service
                  containers:
                    - name: booking-service
                      image: ghcr.io/surge-ticketing/booking-service:VERSION
                      ports:
                        - name: http
                          containerPort: 8084
                        - name: management
                          containerPort: 9084
                      envFrom:
                        - configMapRef:
                            name: booking-service-config
                      env:
                        - name: TICKETING_BOOKING_MANAGEMENT_PORT
                          value: "9084"
                        - name: TICKETING_DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: ticketing-secrets
                              key: db-password
                        - name: TICKETING_ADMISSION_SECRET
                          valueFrom:
                            secretKeyRef:
                              name: ticketing-secrets
                              key: admission-secret
                      resources:
                        requests:
                          cpu: 250m
                          memory: 512Mi
                        limits:
                          memory: 768Mi
                      startupProbe:
                        httpGet:
                          path: /actuator/health/liveness
                          port: management
                      livenessProbe:
                        httpGet:
                          path: /actuator/health/liveness
                          port: management
                      readinessProbe:
                        httpGet:
                          path: /actuator/health/readiness
                          port: management
                      lifecycle:
                        preStop:
                          exec:
                            command: ["sleep", "10"]
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                      volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: tmp
                      emptyDir: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: booking-service
              namespace: ticketing
            spec:
              selector:
                app.kubernetes.io/name: booking-service
              ports:
                - name: http
                  port: 8084
                  targetPort: http
                - name: management
                  port: 9084
                  targetPort: management
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: booking-service
              namespace: ticketing
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: booking-service
            """.replace("VERSION", Repository.current().projectVersion());

    /** BOOKING with one text replaced (which must occur). */
    static String booking(String from, String to) {
        if (!BOOKING.contains(from)) {
            throw new IllegalArgumentException("the fixture has no '" + from + "'");
        }
        return BOOKING.replace(from, to);
    }

    static String bookingWith(String additionalDocuments) {
        return BOOKING + "---\n" + additionalDocuments;
    }
}
