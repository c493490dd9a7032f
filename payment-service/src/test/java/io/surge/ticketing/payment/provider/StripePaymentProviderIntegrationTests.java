package io.surge.ticketing.payment.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The Stripe adapter against WireMock answering Stripe's documented JSON (PaymentIntent and Refund objects, the
 * {@code error} envelope): success, a card decline, a 5xx, a timeout, and idempotent replays, with our idempotency
 * key reaching Stripe as its {@code Idempotency-Key} header.
 */
class StripePaymentProviderIntegrationTests {

    private static final String API_KEY = "sk_test_wiremock";
    private static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

    private StripePaymentProvider provider;

    @BeforeAll
    static void start() {
        stripe.start();
    }

    @AfterAll
    static void stop() {
        stripe.stop();
    }

    @BeforeEach
    void reset() {
        stripe.resetAll();
        provider = provider(Duration.ofSeconds(10));
    }

    private static StripePaymentProvider provider(Duration readTimeout) {
        return new StripePaymentProvider(new StripeProperties(API_KEY, stripe.baseUrl(), "eur", Duration.ofSeconds(2),
                readTimeout, 0));
    }

    @Test
    void aSucceededPaymentIntentIsASuccessfulChargeMadeWithOurIdempotencyKey() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(json(200, paymentIntent("pi_ok", 5000, "succeeded", "attempt-1"))));

        Charge charge = provider.charge("attempt-1", 5000, "tok_visa");

        assertThat(charge).isEqualTo(new Charge("pi_ok", "attempt-1", 5000, Charge.Status.SUCCEEDED));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("attempt-1"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(containing("amount=5000"))
                .withRequestBody(containing("currency=eur"))
                .withRequestBody(containing("confirm=true"))
                // our test token as Stripe's own test payment method (test keys only)
                .withRequestBody(containing("payment_method=pm_card_visa"))
                .withRequestBody(containing("metadata[idempotency_key]=attempt-1")));
    }

    @Test
    void aCardErrorIsADecline() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(402, """
                {"error": {
                  "type": "card_error",
                  "code": "card_declined",
                  "decline_code": "generic_decline",
                  "message": "Your card was declined.",
                  "charge": "ch_declined",
                  "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                  "payment_intent": %s
                }}""".formatted(paymentIntent("pi_declined", 5000, "requires_payment_method", "attempt-2")))));

        Charge charge = provider.charge("attempt-2", 5000, "tok_declined");

        assertThat(charge.status()).isEqualTo(Charge.Status.DECLINED);
        assertThat(charge.chargeId()).isEqualTo("pi_declined");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("payment_method=pm_card_chargeDeclined")));
    }

    @Test
    void aServerErrorIsARetryableProviderFailure() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(500, """
                {"error": {"type": "api_error", "message": "An unknown error occurred"}}""")));

        assertThatThrownBy(() -> provider.charge("attempt-3", 5000, "tok_visa"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void aTimeoutIsARetryableProviderFailure() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(json(200, paymentIntent("pi_late", 5000, "succeeded", "attempt-4")).withFixedDelay(5_000)));

        assertThatThrownBy(() -> provider(Duration.ofSeconds(1)).charge("attempt-4", 5000, "tok_visa"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void theSameKeyTwiceIsOneChargeReplayedByStripe() {
        // Stripe answers a repeated Idempotency-Key with the stored response (and says so in Idempotent-Replayed).
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo("attempt-5"))
                .willReturn(json(200, paymentIntent("pi_once", 5000, "succeeded", "attempt-5"))
                        .withHeader("Idempotent-Replayed", "true")));

        Charge first = provider.charge("attempt-5", 5000, "tok_visa");
        Charge replay = provider.charge("attempt-5", 5000, "tok_visa");

        assertThat(replay).isEqualTo(first);
        assertThat(first.chargeId()).isEqualTo("pi_once");
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("attempt-5")));
    }

    @Test
    void aChargeInDoubtIsFoundByTheKeyInItsMetadata() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(json(200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false, "data": [%s]}"""
                .formatted(paymentIntent("pi_found", 5000, "succeeded", "attempt-6")))));

        assertThat(provider.lookup("attempt-6")).contains(new Charge("pi_found", "attempt-6", 5000, Charge.Status.SUCCEEDED));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))
                .withQueryParam("query", equalTo("metadata['idempotency_key']:'attempt-6'")));
    }

    @Test
    void aRefundIsMadeWithTheRefundKeyAndReplayedForTheSameKey() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-b-1"))
                .willReturn(json(200, refund("re_1", "pi_ok", 5000, "succeeded", "refund-b-1"))));

        Refund first = provider.refund("refund-b-1", "pi_ok", 5000);
        Refund replay = provider.refund("refund-b-1", "pi_ok", 5000);

        assertThat(first).isEqualTo(new Refund("re_1", "refund-b-1", "pi_ok", 5000));
        assertThat(replay).isEqualTo(first);
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-b-1"))
                .withRequestBody(containing("payment_intent=pi_ok"))
                .withRequestBody(containing("amount=5000")));
    }

    @Test
    void aRefundRetriedAfterStripeForgotTheKeyFindsTheRefundItMade() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                           "message": "Charge ch_1 has already been refunded."}}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo("pi_ok"))
                .willReturn(json(200, """
                        {"object": "list", "url": "/v1/refunds", "has_more": false, "data": [%s]}"""
                        .formatted(refund("re_old", "pi_ok", 5000, "succeeded", "refund-b-2")))));

        assertThat(provider.refund("refund-b-2", "pi_ok", 5000)).isEqualTo(new Refund("re_old", "refund-b-2", "pi_ok", 5000));
        assertThatThrownBy(() -> provider.refund("refund-b-3", "pi_ok", 5000)).isInstanceOf(RefundRefusedException.class);
    }

    @Test
    void refundFailuresAreRetryableOrRefusedAsStripeSays() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-5xx"))
                .willReturn(json(503, """
                        {"error": {"type": "api_error", "message": "Service unavailable"}}""")));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", matching("refund-missing"))
                .willReturn(json(404, """
                        {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_intent",
                                   "message": "No such payment_intent: 'pi_nope'"}}""")));

        assertThatThrownBy(() -> provider.refund("refund-5xx", "pi_ok", 5000)).isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> provider.refund("refund-missing", "pi_nope", 5000)).isInstanceOf(RefundRefusedException.class);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_wiremock").withBody(body);
    }

    private static String paymentIntent(String id, long amount, String status, String key) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "eur",
                 "status": "%s", "capture_method": "automatic", "confirmation_method": "automatic",
                 "payment_method": "pm_card_visa", "payment_method_types": ["card"], "livemode": false,
                 "created": 1764504000, "latest_charge": "ch_%s", "metadata": {"idempotency_key": "%s"}}"""
                .formatted(id, amount, "succeeded".equals(status) ? amount : 0, status, id, key);
    }

    private static String refund(String id, String paymentIntent, long amount, String status, String key) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "charge": "ch_%s", "currency": "eur",
                 "payment_intent": "%s", "reason": "requested_by_customer", "status": "%s", "created": 1764504100,
                 "metadata": {"idempotency_key": "%s"}}"""
                .formatted(id, amount, paymentIntent, paymentIntent, status, key);
    }
}
