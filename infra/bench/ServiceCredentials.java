import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * Service credentials for the benchmark's direct rows (the services answer only the platform's own callers), signed
 * with the local stack's TICKETING_SERVICE_SECRET and good for ten minutes. Run with the contracts classpath:
 * <ul>
 * <li>{@code ServiceCredentials.java anonymous}: prints one credential for calls without a user;</li>
 * <li>{@code ServiceCredentials.java users PREFIX COUNT FILE}: writes "user<TAB>credential" lines for users
 * PREFIX-1..PREFIX-COUNT;</li>
 * <li>{@code ServiceCredentials.java add IN OUT}: copies "user<TAB>..." lines, appending each user's credential.</li>
 * </ul>
 */
public class ServiceCredentials {

    public static void main(String[] args) throws Exception {
        ServiceCredential credentials = new ServiceCredential(System.getenv("TICKETING_SERVICE_SECRET"), Clock.systemUTC());
        Duration ttl = ServiceCredential.MAX_TTL;
        switch (args[0]) {
            case "anonymous" -> System.out.println(credentials.issue("bench", null, null, ttl));
            case "users" -> {
                int count = Integer.parseInt(args[2]);
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
                    for (int i = 1; i <= count; i++) {
                        String user = args[1] + "-" + i;
                        out.println(user + "\t" + credentials.issue("bench", user, null, ttl));
                    }
                }
            }
            case "add" -> {
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
                    for (String line : Files.readAllLines(Path.of(args[1]))) {
                        String user = line.substring(0, line.indexOf('\t'));
                        out.println(line + "\t" + credentials.issue("bench", user, null, ttl));
                    }
                }
            }
            default -> throw new IllegalArgumentException("anonymous | users PREFIX COUNT FILE | add IN OUT");
        }
    }
}
