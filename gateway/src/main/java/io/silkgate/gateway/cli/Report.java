package io.silkgate.gateway.cli;

import io.silkgate.gateway.http.Json;
import io.silkgate.schemas.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of the CLI commands: {@code ok}, {@code format}, {@code errors}, {@code warnings}, and extras. */
final class Report {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Report(String format) {
        fields.put("ok", false);
        fields.put("format", format);
    }

    Report format(String format) {
        fields.put("format", format);
        return this;
    }

    Report error(Problem p) {
        errors.add(p);
        return this;
    }

    Report errors(List<Problem> ps) {
        errors.addAll(ps);
        return this;
    }

    Report warning(Problem p) {
        warnings.add(p);
        return this;
    }

    Report put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    String toJson() {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        out.put("ok", ok());
        out.put("errors", errors.stream().map(Problem::asMap).toList());
        out.put("warnings", warnings.stream().map(Problem::asMap).toList());
        return Json.pretty(out);
    }

    /** Prints the report on stdout and returns the exit code it stands for. */
    int print() {
        System.out.println(toJson());
        return ok() ? SilkgateCommand.OK : SilkgateCommand.INVALID;
    }

}
