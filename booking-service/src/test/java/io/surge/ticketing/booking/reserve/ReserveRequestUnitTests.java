package io.surge.ticketing.booking.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

class ReserveRequestUnitTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsChosenSeatsOrBestAvailableButNotBoth() {
        assertThat(validator.validate(new ReserveRequest(1L, List.of(1L, 2L), null, null))).isEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, null, 7L, 2))).isEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, List.of(1L), 7L, 2))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, null, null, null))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, null, 7L, null))).isNotEmpty();
    }

    @Test
    void refusesRepeatedSeatsEmptyListsAndOversizedRequests() {
        assertThat(validator.validate(new ReserveRequest(1L, List.of(1L, 1L), null, null))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, List.of(), null, null))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(1L, null, 7L, 11))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(null, List.of(1L), null, null))).isNotEmpty();
        assertThat(validator.validate(new ReserveRequest(-1L, List.of(1L), null, null))).isNotEmpty();
    }
}
