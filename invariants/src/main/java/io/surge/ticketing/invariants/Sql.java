package io.surge.ticketing.invariants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The checker's plain JDBC: queries whose one parameter is the array of events checked. */
final class Sql {

    private Sql() {
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** The first column of the first row, 0 when there is none. */
    static long scalar(Connection db, String sql, Long[] events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("bigint", events));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void rows(Connection db, String sql, Long[] events, RowHandler handler) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("bigint", events));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    /** Whether the table exists (a service's migrations may not have created it yet). */
    static boolean exists(Connection db, String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
