import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

/**
 * Writes "user-id<TAB>admission-token" lines for the reservation benchmark (run with `java -cp <contracts
 * classpath> AdmissionTokens.java EVENT COUNT FILE`), signed with the local stack's secret from the environment.
 */
public class AdmissionTokens {

    public static void main(String[] args) throws Exception {
        long eventId = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(System.getenv("TICKETING_ADMISSION_SECRET"),
                Clock.systemUTC());
        Instant now = Instant.now();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            for (int i = 0; i < count; i++) {
                String user = "bench-" + eventId + "-" + i;
                out.println(user + "\t" + codec.encode(new AdmissionToken(user, eventId, now, now.plusSeconds(3600),
                        "bench-" + i)));
            }
        }
    }
}
