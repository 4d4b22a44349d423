package io.prmos.cli.scaffold;

import io.prmos.cli.CliFailure;
import io.prmos.metadata.naming.Names;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Writes a new module folder from the Velocity templates in {@code templates/}: a manifest with one
 * entity, a README and sample records. Refuses names the manifest rules would refuse and folders that
 * already exist, so it never overwrites anything.
 */
public final class ModuleScaffold {

    /** Template resource → file inside the module folder. */
    private static final List<String[]> FILES = List.of(
            new String[] {"templates/module.yaml.vm", "module.yaml"},
            new String[] {"templates/README.md.vm", "README.md"},
            new String[] {"templates/sample.json.vm", "fixtures/sample.json"});

    private static final int MAX_NAME_LENGTH = 63;

    public List<Path> create(String module, Path parent) {
        checkName(module);
        Path folder = parent.resolve(module);
        if (Files.exists(folder)) {
            throw CliFailure.user(folder + " already exists; choose another name or directory");
        }
        VelocityEngine engine = engine();
        VelocityContext context = context(module);
        List<Path> written = new ArrayList<>();
        try {
            for (String[] file : FILES) {
                Path target = folder.resolve(file[1]);
                Files.createDirectories(target.getParent());
                Files.writeString(target, render(engine, file[0], context), StandardCharsets.UTF_8);
                written.add(target);
            }
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + folder + ": " + e.getMessage());
        }
        return written;
    }

    static void checkName(String module) {
        if (module.length() > MAX_NAME_LENGTH || !Names.isIdentifier(module)) {
            throw CliFailure.user("invalid module name '" + module
                    + "': use up to 63 lowercase letters, digits and underscores, starting with a letter");
        }
        if (Names.isReservedWord(module)) {
            throw CliFailure.user("invalid module name '" + module + "': it is a reserved SQL word");
        }
    }

    /** {@code sales_orders} → {@code SalesOrder}; a name whose table would be a reserved word gets a suffix. */
    static String entityName(String module) {
        String singular = module.endsWith("s") && !module.endsWith("ss") && module.length() > 1
                ? module.substring(0, module.length() - 1) : module;
        StringBuilder pascal = new StringBuilder();
        for (String part : singular.split("_")) {
            if (!part.isEmpty()) {
                pascal.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        String name = pascal.length() == 0 ? "Item" : pascal.toString();
        return Names.isReservedWord(Names.snakeCase(name)) ? name + "Item" : name;
    }

    private static VelocityContext context(String module) {
        String entity = entityName(module);
        VelocityContext context = new VelocityContext();
        context.put("module", module);
        context.put("title", Names.humanize(module));
        context.put("entity", entity);
        context.put("entityLabel", Names.humanize(entity));
        context.put("dollar", "$");
        return context;
    }

    private static VelocityEngine engine() {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        properties.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        VelocityEngine engine = new VelocityEngine(properties);
        engine.init();
        return engine;
    }

    private static String render(VelocityEngine engine, String resource, VelocityContext context) {
        Template template = engine.getTemplate(resource, "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }
}
