package org.lectern.node;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One Lectern node: a learning server that joins the others to form a cluster. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LecternNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(LecternNodeApplication.class, args);
    }

    /** The one clock every feature reads time from, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
