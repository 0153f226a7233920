package dev.onrush.sink.dynamodb;

import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.Dynalite;
import dev.onrush.testkit.ResultSinkContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The DynamoDB sink keeps Onrush's sink contract, against dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbSinkContractTest extends ResultSinkContract {

    private static Dynalite dynalite;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
    }

    @Override
    protected ResultSinkProvider provider() {
        return new DynamoDbSinkProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("endpoint", dynalite.endpoint().toString(), "region", "us-east-1",
                "results_table", "contract-results-" + suffix, "metrics_table", "contract-metrics-" + suffix,
                "create_tables", true);
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.of(Map.of("endpoint", "http://127.0.0.1:" + Dynalite.freePort(), "region", "us-east-1",
                "create_tables", true, "max_attempts", 2));
    }
}
