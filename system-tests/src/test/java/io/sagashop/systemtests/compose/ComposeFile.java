package io.sagashop.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code docker-compose.yml} read the way Docker Compose reads it: each
 * service's environment, with {@code ${VAR}}, {@code ${VAR:-default}} and
 * {@code ${VAR:?message}} taken from the {@code .env} file beside it. Only as much of the
 * format as the tests need.
 */
public final class ComposeFile {

    private static final Pattern VARIABLE = Pattern
        .compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Object> services;

    private final Map<String, String> variables;

    private ComposeFile(Map<String, Object> services, Map<String, String> variables) {
        this.services = services;
        this.variables = variables;
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile read(Path directory) {
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(directory.resolve("docker-compose.yml")));
            Path envFile = directory.resolve(".env");
            Map<String, String> variables = Files.exists(envFile) ? parseEnvFile(Files.readAllLines(envFile))
                    : Map.of();
            return new ComposeFile((Map<String, Object>) document.get("services"), variables);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public boolean hasService(String name) {
        return services.containsKey(name);
    }

    /**
     * The service's environment after interpolation, in either of the two forms compose
     * allows.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> environment(String service) {
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        if (definition == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = definition.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(key.toString(),
                    value == null ? "" : interpolate(value.toString())));
        }
        else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
            }
        }
        return environment;
    }

    /**
     * The host ports a service publishes ({@code "host:container"} entries of its
     * {@code ports}), each with the container port it leads to.
     */
    @SuppressWarnings("unchecked")
    public Map<Integer, Integer> publishedPorts(String service) {
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        Map<Integer, Integer> published = new LinkedHashMap<>();
        Object ports = definition == null ? null : definition.get("ports");
        if (ports instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = interpolate(entry.toString()).split(":");
                published.put(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
            }
        }
        return published;
    }

    String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(substitute(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String substitute(Matcher matcher) {
        if (matcher.group().equals("$$")) {
            return "$";
        }
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
        String operator = matcher.group(2);
        String argument = matcher.group(3) == null ? "" : matcher.group(3);
        String value = variables.get(name);
        boolean unset = value == null;
        boolean empty = unset || value.isEmpty();
        if (operator == null) {
            return unset ? "" : value;
        }
        return switch (operator) {
            case ":-" -> empty ? interpolate(argument) : value;
            case "-" -> unset ? interpolate(argument) : value;
            case ":?", "?" -> {
                if (operator.equals(":?") ? empty : unset) {
                    throw new IllegalStateException(
                            "Compose would refuse to start: " + name + " is required (" + argument + ")");
                }
                yield value;
            }
            case ":+" -> empty ? "" : interpolate(argument);
            default -> unset ? "" : interpolate(argument);
        };
    }

    private static Map<String, String> parseEnvFile(List<String> lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String[] pair = trimmed.split("=", 2);
            String value = pair[1].strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            variables.put(pair[0].strip(), value);
        }
        return variables;
    }

}
