package io.surge.ticketing.payment.provider;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;

/**
 * Stripe behind the provider port, through stripe-java. A charge is one PaymentIntent created and confirmed in one
 * call; a refund is a Refund of that PaymentIntent. Our idempotency key travels as Stripe's {@code Idempotency-Key}
 * (so Stripe itself answers a repeat with the first outcome) and as the object's {@code metadata.idempotency_key}
 * (so a charge in doubt can be found again by search).
 * <p>
 * Outcomes: {@code succeeded} is a success; a {@code card_error} (402) or a payment method Stripe cannot use is a
 * decline; 5xx, 429, timeouts, connection errors, idempotency conflicts and credential errors are
 * {@link ProviderUnavailableException} (retryable: the payment stays in doubt and is settled as today).
 */
final class StripePaymentProvider implements PaymentProvider {

    static final String KEY_METADATA = "idempotency_key";
    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);
    /** Our API's test tokens, as Stripe's own test payment methods (test keys only). */
    private static final Map<String, String> TEST_PAYMENT_METHODS = Map.of(
            "tok_visa", "pm_card_visa",
            "tok_declined", "pm_card_chargeDeclined");

    private final StripeClient stripe;
    private final StripeProperties properties;

    StripePaymentProvider(StripeProperties properties) {
        this(client(properties), properties);
    }

    StripePaymentProvider(StripeClient stripe, StripeProperties properties) {
        this.stripe = stripe;
        this.properties = properties;
    }

    private static StripeClient client(StripeProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("ticketing.payment.provider.type=stripe needs ticketing.payment.provider.stripe.api-key"
                    + " (TICKETING_STRIPE_API_KEY)");
        }
        return StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .build();
    }

    @Override
    public Charge charge(String idempotencyKey, long amountCents, String paymentToken) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency(properties.currency())
                .addPaymentMethodType("card")
                .setPaymentMethod(paymentMethod(paymentToken))
                .setConfirm(true)
                .putMetadata(KEY_METADATA, idempotencyKey)
                .build();
        try {
            return charge(stripe.paymentIntents().create(params, options(idempotencyKey)), idempotencyKey);
        } catch (CardException e) {
            PaymentIntent intent = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            log.info("stripe declined charge {}: {} {}", idempotencyKey, e.getCode(), e.getDeclineCode());
            return new Charge(intent == null ? null : intent.getId(), idempotencyKey, amountCents, Charge.Status.DECLINED);
        } catch (InvalidRequestException e) {
            if (e.getParam() != null && e.getParam().startsWith("payment_method")) {
                // A token Stripe does not know or cannot charge: the fan's card, not our request, is the problem.
                log.info("stripe refused the payment method of charge {}: {}", idempotencyKey, e.getMessage());
                return new Charge(null, idempotencyKey, amountCents, Charge.Status.DECLINED);
            }
            throw unavailable("charge " + idempotencyKey, e);
        } catch (StripeException e) {
            throw unavailable("charge " + idempotencyKey, e);
        }
    }

    @Override
    public Refund refund(String idempotencyKey, String chargeId, long amountCents) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(chargeId)
                .setAmount(amountCents)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata(KEY_METADATA, idempotencyKey)
                .build();
        try {
            return refund(stripe.refunds().create(params, options(idempotencyKey)), idempotencyKey);
        } catch (InvalidRequestException e) {
            if ("charge_already_refunded".equals(e.getCode())) {
                // Stripe keeps idempotent answers for 24 h: a retry after that finds the refund by our metadata.
                return findRefund(idempotencyKey, chargeId).orElseThrow(() -> new RefundRefusedException(
                        "stripe: payment " + chargeId + " was already refunded by another request", e));
            }
            throw new RefundRefusedException("stripe refused refund " + idempotencyKey + ": " + e.getMessage(), e);
        } catch (StripeException e) {
            throw unavailable("refund " + idempotencyKey, e);
        }
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        PaymentIntentSearchParams params = PaymentIntentSearchParams.builder()
                .setQuery("metadata['" + KEY_METADATA + "']:'" + idempotencyKey.replace("'", "\\'") + "'")
                .build();
        try {
            return stripe.paymentIntents().search(params).getData().stream().findFirst()
                    .map(intent -> charge(intent, idempotencyKey));
        } catch (StripeException e) {
            throw unavailable("lookup " + idempotencyKey, e);
        }
    }

    private Optional<Refund> findRefund(String idempotencyKey, String chargeId) {
        try {
            return stripe.refunds().list(RefundListParams.builder().setPaymentIntent(chargeId).setLimit(100L).build())
                    .getData().stream()
                    .filter(refund -> idempotencyKey.equals(refund.getMetadata() == null ? null
                            : refund.getMetadata().get(KEY_METADATA)))
                    .findFirst()
                    .map(refund -> refund(refund, idempotencyKey));
        } catch (StripeException e) {
            throw unavailable("refunds of " + chargeId, e);
        }
    }

    private static Charge charge(PaymentIntent intent, String idempotencyKey) {
        Charge.Status status = switch (intent.getStatus()) {
            case "succeeded", "requires_capture" -> Charge.Status.SUCCEEDED;
            // Still moving: the outcome is unknown now, the reconciler looks it up again after the lease.
            case "processing" -> throw new ProviderUnavailableException("stripe payment " + intent.getId() + " is processing");
            // requires_payment_method (declined on confirm), requires_action (3-D Secure we cannot run server-side),
            // requires_confirmation, canceled: no money moved.
            default -> Charge.Status.DECLINED;
        };
        return new Charge(intent.getId(), idempotencyKey, intent.getAmount() == null ? 0 : intent.getAmount(), status);
    }

    private static Refund refund(com.stripe.model.Refund refund, String idempotencyKey) {
        if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
            throw new RefundRefusedException("stripe refund " + refund.getId() + " " + refund.getStatus() + ": "
                    + refund.getFailureReason());
        }
        // succeeded, or pending (Stripe completes it; the money is on its way back)
        return new Refund(refund.getId(), idempotencyKey, refund.getPaymentIntent(),
                refund.getAmount() == null ? 0 : refund.getAmount());
    }

    private String paymentMethod(String paymentToken) {
        return properties.testMode() ? TEST_PAYMENT_METHODS.getOrDefault(paymentToken, paymentToken) : paymentToken;
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static ProviderUnavailableException unavailable(String what, StripeException e) {
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            log.error("stripe refused our credentials for {}: {}", what, e.getMessage());
        } else if (!(e instanceof ApiConnectionException)) {
            log.warn("stripe failed {}: HTTP {} {}", what, e.getStatusCode(), e.getMessage());
        }
        return new ProviderUnavailableException("stripe: " + what + ": " + e.getMessage(), e);
    }
}
