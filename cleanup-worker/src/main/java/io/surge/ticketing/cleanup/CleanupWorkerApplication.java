package io.surge.ticketing.cleanup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CleanupWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CleanupWorkerApplication.class, args);
    }
}
