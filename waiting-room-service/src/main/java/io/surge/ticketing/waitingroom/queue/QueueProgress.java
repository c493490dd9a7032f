package io.surge.ticketing.waitingroom.queue;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.surge.ticketing.waitingroom.settings.SettingsStore;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The public state of each event's queue: who is being served and at what pace, the same answer for every fan. A
 * fan's page compares its own queue number (fixed once, from join or status) with {@code serving}, so polling needs
 * no per-fan state at all; the answer is read from Redis at most once per {@code progress-refresh} per instance (in
 * the background; requests get the previous answer meanwhile), and the edge keeps it for a second on top.
 */
@Service
class QueueProgress {

    private final LoadingCache<Long, Optional<ProgressView>> answers;
    private final SettingsStore settings;

    QueueProgress(QueueScripts scripts, WaitingRoomProperties properties, SettingsStore settings) {
        this.settings = settings;
        this.answers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .refreshAfterWrite(properties.progressRefresh())
                .expireAfterWrite(properties.progressRefresh().multipliedBy(8))
                .build(eventId -> {
                    QueueScripts.ProgressResult r = scripts.progress(eventId);
                    ProgressStatus status = switch (r.state()) {
                        case -1 -> null;
                        case 0 -> ProgressStatus.PRE_QUEUE;
                        case 1 -> ProgressStatus.OPEN;
                        case 2 -> ProgressStatus.SOLD_OUT;
                        default -> ProgressStatus.CLOSED;
                    };
                    return Optional.ofNullable(status).map(s -> new ProgressView(eventId, s, r.serving(),
                            r.ratePerMinute(), Instant.ofEpochMilli(r.nowMillis())));
                });
    }

    ProgressView of(long eventId) {
        return answers.get(eventId).orElseThrow(() -> settings.recovering()
                ? QueueRefusals.recovering(eventId) : QueueRefusals.eventNotFound(eventId));
    }

    /** Where an event's queue stands. */
    @Schema(description = "PRE_QUEUE: before the sale starts, nobody has a number yet; OPEN: numbers are served at the "
            + "admission rate; SOLD_OUT: every seat is held or sold, nobody is admitted until seats come back; CLOSED: "
            + "cancelled, or the show started", example = "OPEN")
    enum ProgressStatus {
        /** before the sale starts (T0): nobody has a number yet */
        PRE_QUEUE,
        /** numbers are served at the admission rate */
        OPEN,
        /** every seat is held or sold: nobody is admitted until seats come back */
        SOLD_OUT,
        /** cancelled, or the show started: nobody is admitted any more */
        CLOSED
    }

    /**
     * @param serving               the highest queue number admitted so far
     * @param admissionRatePerMinute the pace numbers are served at now (the configured rate, or less while booking's
     *                              buffer is deep)
     * @param asOf                  when Redis computed it
     */
    @Schema(name = "QueueProgress", description = "Where an event's queue stands: the same for every fan")
    record ProgressView(
            @Schema(description = "the event", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
            long eventId,
            @Schema(description = "the queue's state", requiredMode = Schema.RequiredMode.REQUIRED)
            ProgressStatus status,
            @Schema(description = "the highest queue number admitted so far: a fan whose queue_number is at or below "
                    + "it calls status to collect its admission token", example = "46700",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long serving,
            @Schema(description = "fans admitted per minute now (the configured rate, or less while booking is busy)",
                    example = "1200", requiredMode = Schema.RequiredMode.REQUIRED)
            int admissionRatePerMinute,
            @Schema(description = "when this was computed", example = "2027-01-10T09:04:12.512Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Instant asOf) {
    }
}
