package io.surge.ticketing.catalog.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.catalog.web.ValidationFailedException;
import io.surge.ticketing.contracts.ErrorCode;

class EventTimesUnitTests {

    static final Instant ON_SALE_AT = Instant.parse("2030-03-01T10:00:00Z");
    static final Instant STARTS_AT = Instant.parse("2030-04-01T20:00:00Z");

    @Test
    void aRefundDeadlineUpToTheStartIsAcceptedAndNoneMeansTheStart() {
        assertThatCode(() -> EventAdminService.checkTimes(STARTS_AT, ON_SALE_AT, null)).doesNotThrowAnyException();
        assertThatCode(() -> EventAdminService.checkTimes(STARTS_AT, ON_SALE_AT, STARTS_AT)).doesNotThrowAnyException();
        assertThatCode(() -> EventAdminService.checkTimes(STARTS_AT, ON_SALE_AT, STARTS_AT.minusSeconds(86_400)))
                .doesNotThrowAnyException();
    }

    @Test
    void aRefundDeadlineAfterTheStartIsAValidationFailure() {
        assertThatThrownBy(() -> EventAdminService.checkTimes(STARTS_AT, ON_SALE_AT, STARTS_AT.plusMillis(1)))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(errors(e)).containsExactly(
                            Map.of("field", "refund_deadline", "message", "must not be after starts_at"));
                });
    }

    @Test
    void everyBrokenTimeRuleIsListedInOneAnswer() {
        assertThatThrownBy(() -> EventAdminService.checkTimes(ON_SALE_AT, STARTS_AT, STARTS_AT))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(errors(e))
                        .extracting(m -> m.get("field")).containsExactly("on_sale_at", "refund_deadline"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(ValidationFailedException e) {
        return (List<Map<String, String>>) e.properties().get("errors");
    }
}
