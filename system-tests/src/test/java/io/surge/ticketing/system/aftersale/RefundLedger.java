package io.surge.ticketing.system.aftersale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.surge.ticketing.system.Platform;

/**
 * What the payment provider itself recorded: the simulated provider's ledger (schema {@code simulated_provider} of
 * the payment database), where a refund names the charge it gives back. A booking is refunded exactly once when the
 * charge of its payment has exactly one refund, whatever our own tables say.
 */
final class RefundLedger {

    private RefundLedger() {
    }

    /** Provider refunds of the charge(s) that paid this booking. */
    static int providerRefunds(Platform platform, String bookingId) throws SQLException {
        try (Connection db = platform.db("payment"); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM simulated_provider.refunds r
                WHERE r.charge_id IN (SELECT provider_charge_id FROM payment_attempts
                                      WHERE booking_id = ? AND provider_charge_id IS NOT NULL)""")) {
            query.setObject(1, UUID.fromString(bookingId));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Booking id -> provider refunds of its charges, for every booking of the event that the provider refunded. */
    static Map<String, Integer> providerRefundsOfEvent(Platform platform, long eventId) throws SQLException {
        Map<String, Integer> refunds = new HashMap<>();
        try (Connection db = platform.db("payment"); PreparedStatement query = db.prepareStatement("""
                SELECT a.booking_id, count(DISTINCT r.refund_id)
                FROM simulated_provider.refunds r
                JOIN payment_attempts a ON a.provider_charge_id = r.charge_id
                WHERE a.event_id = ?
                GROUP BY a.booking_id""")) {
            query.setLong(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    refunds.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return refunds;
    }
}
