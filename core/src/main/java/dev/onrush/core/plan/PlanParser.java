package dev.onrush.core.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onrush.core.model.LoadTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML or JSON plan (JSON is read as YAML) into a validated {@link LoadTest}. The whole plan is checked
 * before anything is built: every problem (path, line, column, message) ends up in one {@link PlanException}.
 * The plan format is described in {@code examples/checkout-baseline.yaml} and DESIGN.md §4.
 *
 * <p>Immutable and thread-safe: one parser may be shared. Every method either returns a valid test or throws
 * {@link PlanException}; no other exception escapes for bad input or unreadable files.
 */
public final class PlanParser {

    /** The sinks a parser knows when none are given. */
    public static final Set<String> BUILT_IN_SINKS = Set.of("console", "json", "hdr-log");
    /** The probes core itself provides. */
    public static final Set<String> BUILT_IN_PROBES = Set.of("process", "demo-capacity");

    private final Set<String> sinkIds;
    private final Set<String> probeIds;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A parser knowing the built-in sinks ({@code console}, {@code json}, {@code hdr-log}) and probes
     * ({@code process}, {@code demo-capacity}).
     */
    public PlanParser() {
        this(BUILT_IN_SINKS, BUILT_IN_PROBES);
    }

    /**
     * @param sinkIds  the sink ids a plan may name (the loaded providers' ids)
     * @param probeIds the probe ids a plan may name
     */
    public PlanParser(Set<String> sinkIds, Set<String> probeIds) {
        this.sinkIds = Set.copyOf(sinkIds);
        this.probeIds = Set.copyOf(probeIds);
    }

    /** Parses the plan file (UTF-8). */
    public LoadTest parse(Path file) {
        return parse(file, List.of());
    }

    /** Parses the plan file (UTF-8) with {@code --set key=value} overrides applied first. */
    public LoadTest parse(Path file, List<String> overrides) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw single(source, "file not found");
        } catch (CharacterCodingException e) {
            throw single(source, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw single(source, "cannot read the file: " + e);
        }
        return parse(text, source, overrides);
    }

    /**
     * Parses plan text.
     *
     * @param text       YAML or JSON
     * @param sourceName names the plan in messages (e.g. the file name)
     * @param overrides  {@code key=value} overrides, applied in order before mapping
     * @throws PlanException listing every problem found
     */
    public LoadTest parse(String text, String sourceName, List<String> overrides) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new PlanException(sourceName, List.of(new PlanException.Problem("",
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "YAML syntax error: " + what + context)));
        } catch (YAMLException e) {
            throw single(sourceName, "YAML syntax error: " + e.getMessage());
        }
        if (root == null) {
            throw single(sourceName, "the plan is empty");
        }
        NodeReader reader = new NodeReader();
        if (root instanceof MappingNode map) {
            new Overrides(reader).apply(map, overrides);
        }
        LoadTest test = new PlanMapper(reader, json, sinkIds, probeIds).map(root);
        if (!reader.problems().isEmpty()) {
            throw new PlanException(sourceName, reader.problems());
        }
        return test;
    }

    private static PlanException single(String source, String message) {
        return new PlanException(source, List.of(new PlanException.Problem("", 0, 0, message)));
    }
}
