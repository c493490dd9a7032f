package io.surge.ticketing.waitingroom.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueViewUnitTests {

    @Test
    void aPreQueueEntryHasNoPlaceAndNoEta() {
        QueueView view = QueueView.of(QueueStatus.PRE_QUEUE, 0, 0, 600, null);

        assertThat(view.position()).isNull();
        assertThat(view.etaSeconds()).isNull();
        assertThat(view.queueNumber()).isNull();
    }

    @Test
    void aQueuedEntryStandsItsNumberMinusTheServingCounterAway() {
        QueueView view = QueueView.of(QueueStatus.QUEUED, 1_250, 1_000, 600, null);

        assertThat(view.position()).isEqualTo(250);
        assertThat(view.queueNumber()).isEqualTo(1_250);
        assertThat(view.admissionToken()).isNull();
    }

    @Test
    void theEtaIsThePositionAtTheAdmissionRateRoundedUp() {
        assertThat(QueueView.etaSeconds(250, 600)).isEqualTo(25);
        assertThat(QueueView.etaSeconds(1, 600)).isEqualTo(1);
        assertThat(QueueView.etaSeconds(61, 60)).isEqualTo(61);
        assertThat(QueueView.etaSeconds(3, 120)).isEqualTo(2);
    }

    @Test
    void anAdmittedEntryCarriesItsTokenAndStandsNowhere() {
        QueueView view = QueueView.of(QueueStatus.ADMITTED, 7, 9, 600, "v1.x.y");

        assertThat(view.position()).isZero();
        assertThat(view.etaSeconds()).isZero();
        assertThat(view.admissionToken()).isEqualTo("v1.x.y");
    }

    @Test
    void aSoldOutEntryKeepsItsPlaceButHasNoEtaWhileAdmissionIsPaused() {
        QueueView waiting = QueueView.of(QueueStatus.SOLD_OUT, 1_250, 1_000, 600, null);
        QueueView servedBeforeThePause = QueueView.of(QueueStatus.SOLD_OUT, 990, 1_000, 600, null);

        assertThat(waiting.status()).isEqualTo(QueueStatus.SOLD_OUT);
        assertThat(waiting.position()).isEqualTo(250);
        assertThat(waiting.queueNumber()).isEqualTo(1_250);
        assertThat(waiting.etaSeconds()).isNull();
        assertThat(waiting.admissionToken()).isNull();
        assertThat(servedBeforeThePause.position()).isZero();
    }

    @Test
    void aClosedLineTellsWhyAndGivesNoPlaceNorToken() {
        QueueView closed = QueueView.closed("EVENT_CANCELLED");

        assertThat(closed.status()).isEqualTo(QueueStatus.CLOSED);
        assertThat(closed.reason()).isEqualTo("EVENT_CANCELLED");
        assertThat(closed.position()).isNull();
        assertThat(closed.queueNumber()).isNull();
        assertThat(closed.admissionToken()).isNull();
        assertThatThrownBy(() -> QueueView.of(QueueStatus.CLOSED, 1, 1, 600, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
