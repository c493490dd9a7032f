package io.surge.ticketing.cleanup.bitfield;

import org.springframework.context.ApplicationContext;

/** Lets tests in other packages drive the package-private reconciler bean. */
public final class BitfieldReconcilerAccess {

    private final BitfieldReconciler reconciler;

    public BitfieldReconcilerAccess(ApplicationContext context) {
        this.reconciler = context.getBean(BitfieldReconciler.class);
    }

    public boolean reconcile(long eventId, int seatCount) {
        return reconciler.reconcile(eventId, seatCount);
    }
}
