package io.surge.ticketing.payment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.surge.ticketing.payment.provider.Charge;
import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;
import io.surge.ticketing.payment.provider.Refund;

/** The simulated provider, with refunds that a test can take down (a provider outage) and bring back. */
public final class SwitchableProvider implements PaymentProvider {

    private final PaymentProvider simulator;
    private final AtomicBoolean refundsDown = new AtomicBoolean();

    SwitchableProvider(PaymentProvider simulator) {
        this.simulator = simulator;
    }

    public void refundsDown(boolean down) {
        refundsDown.set(down);
    }

    @Override
    public Charge charge(String idempotencyKey, long amountCents, String paymentToken) {
        return simulator.charge(idempotencyKey, amountCents, paymentToken);
    }

    @Override
    public Refund refund(String idempotencyKey, String chargeId, long amountCents) {
        if (refundsDown.get()) {
            throw new ProviderUnavailableException("the test took the provider's refunds down");
        }
        return simulator.refund(idempotencyKey, chargeId, amountCents);
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        return simulator.lookup(idempotencyKey);
    }
}
