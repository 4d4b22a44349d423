package io.prmos.metadata.catalog;

import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTText;
import org.apache.velocity.runtime.parser.node.ASTprocess;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * An entity's display name: a Velocity template such as {@code $name ($tier)}, parsed once per
 * catalog. Only text and plain references to the entity's fields are allowed — no directives, no
 * property or method access — so a template can neither run code nor reach beyond the record; the
 * engine runs it with the {@code SecureUberspector} as a second wall. Values are inserted as
 * text, never re-parsed as template.
 */
public final class DisplayTemplate {

    private static final RuntimeInstance VELOCITY = velocity();

    private final String source;
    private final Template template;
    private final List<String> fields;

    private DisplayTemplate(String source, Template template, List<String> fields) {
        this.source = source;
        this.template = template;
        this.fields = List.copyOf(fields);
    }

    /** The template of an entity: its {@code display}, else {@code $name}, else its first text field, else none. */
    static Optional<DisplayTemplate> of(EntityDef entity) {
        String source = entity.display() != null ? entity.display() : defaultSource(entity);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(compile(source).orElseThrow(() -> new IllegalStateException("unchecked display template " + source)));
    }

    static String defaultSource(EntityDef entity) {
        if (entity.fields().containsKey("name")) {
            return "$name";
        }
        return entity.fields().values().stream().filter(f -> f.type() instanceof FieldType.Text)
                .findFirst().map(f -> "$" + f.name()).orElse(null);
    }

    /** What is wrong with a template for an entity, or empty when it is valid. */
    public static Optional<String> problem(String source, EntityDef entity) {
        try {
            Node root = VELOCITY.parse(new StringReader(source), new Template());
            List<String> refs = new ArrayList<>();
            Optional<String> shape = shape(root, refs);
            if (shape.isPresent()) {
                return shape;
            }
            for (String ref : refs) {
                FieldDef field = entity.fields().get(ref);
                if (field == null && !ref.equals("id")) {
                    return Optional.of("display template names '$" + ref + "', which is not a field of entity '" + entity.name() + "'");
                }
            }
            return Optional.empty();
        } catch (ParseException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return Optional.of("display template does not parse: " + message);
        }
    }

    private static Optional<DisplayTemplate> compile(String source) {
        try {
            Template template = new Template();
            template.setRuntimeServices(VELOCITY);
            Node root = VELOCITY.parse(new StringReader(source), template);
            List<String> refs = new ArrayList<>();
            if (shape(root, refs).isPresent()) {
                return Optional.empty();
            }
            template.setData(root);
            template.initDocument();
            return Optional.of(new DisplayTemplate(source, template, new ArrayList<>(new LinkedHashSet<>(refs))));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Allows text and {@code $field} / {@code ${field}} / {@code $!field}; collects the field names. */
    private static Optional<String> shape(Node node, List<String> refs) {
        if (node instanceof ASTReference ref) {
            if (ref.jjtGetNumChildren() > 0) {
                return Optional.of("display template may only name fields, as in $name; '" + literal(ref)
                        + "' accesses a property or method");
            }
            String text = literal(ref);
            refs.add(text.substring(text.lastIndexOf('$') + 1).replaceAll("^!?\\{?", "").replaceAll("}$", ""));
            return Optional.empty();
        }
        if (!(node instanceof ASTprocess) && !(node instanceof ASTText)) {
            return Optional.of("display template may only contain text and field references such as $name; '"
                    + literal(node).strip() + "' is not allowed");
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Optional<String> problem = shape(node.jjtGetChild(i), refs);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static String literal(Node node) {
        try {
            return node.literal();
        } catch (RuntimeException e) {
            return node.getClass().getSimpleName();
        }
    }

    /** Renders with each referenced field's text; a missing (null, hidden) value renders as empty text. */
    public String render(Map<String, String> values) {
        VelocityContext context = new VelocityContext();
        for (String field : fields) {
            String value = values.get(field);
            context.put(field, value == null ? "" : value);
        }
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString().strip();
    }

    /** The fields the template names, in order of first use. */
    public List<String> fields() {
        return fields;
    }

    public String source() {
        return source;
    }

    private static RuntimeInstance velocity() {
        Properties properties = new Properties();
        properties.setProperty("introspector.uberspect.class", "org.apache.velocity.util.introspection.SecureUberspector");
        properties.setProperty("resource.loaders", "string");
        properties.setProperty("resource.loader.string.class", "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        properties.setProperty("runtime.strict_mode.enable", "false");
        RuntimeInstance runtime = new RuntimeInstance();
        runtime.init(properties);
        return runtime;
    }
}
