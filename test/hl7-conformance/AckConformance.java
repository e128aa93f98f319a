import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractSegment;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.UnexpectedSegmentBehaviourEnum;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Strict check of HL7 v2 ACKs with HAPI. HAPI parses each ACK with its default validation (data
 * type formats, withdrawn fields) and refuses segments the ACK structure lacks; then every field is
 * compared with the version's segment definition: defined fields only, no undefined components,
 * required fields present, repetitions and max length (of the text as sent) within the standard's.
 *
 * <p>Input: one line (\n) per ACK, "HAPI structure version TAB message" (segments end with \r). Output:
 * one line per ACK: empty when it conforms, else its problems joined by " | ".
 */
public class AckConformance {
  public static void main(String[] args) throws Exception {
    String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // not readLine(): that also splits at the \r between segments
    for (String line : input.split("\n")) {
      if (line.isEmpty()) continue;
      int tab = line.indexOf('\t');
      out.println(String.join(" | ", check(line.substring(0, tab), line.substring(tab + 1))));
    }
  }

  static List<String> check(String version, String text) {
    List<String> problems = new ArrayList<>();
    // Canonical: parse with the structures of the version the caller names (HAPI has no 2.7.1 ones).
    ModelClassFactory classes = new CanonicalModelClassFactory(version);
    try (HapiContext context = new DefaultHapiContext(classes)) {
      context.setValidationContext(ValidationContextFactory.defaultValidation());
      context.getParserConfiguration()
          .setUnexpectedSegmentBehaviour(UnexpectedSegmentBehaviourEnum.THROW_HL7_EXCEPTION);
      // MSH-12 echoes the sender's version, which may be one HAPI does not list (2.3.0)
      context.getParserConfiguration().setAllowUnknownVersions(true);
      Message message = context.getPipeParser().parse(text);
      if (!message.getName().equals("ACK")) problems.add("parsed as " + message.getName());
      List<String> seen = new ArrayList<>();
      for (String name : message.getNames()) {
        for (Structure s : message.getAll(name)) {
          if (s instanceof AbstractSegment && !s.isEmpty()) {
            seen.add(name);
            String[] fields = sent(text, name, Collections.frequency(seen, name));
            checkSegment((AbstractSegment) s, fields, classes, problems);
          }
        }
      }
    } catch (Exception e) {
      problems.add("HAPI: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
    }
    return problems;
  }

  // The n-th segment with this name as sent, split into fields; for MSH, [1] is MSH-1.
  static String[] sent(String text, String name, int n) {
    for (String segment : text.split("\r")) {
      if (segment.startsWith(name + "|") && --n == 0) {
        String fields = name.equals("MSH") ? "MSH||" + segment.substring(4) : segment;
        return fields.split("\\|", -1);
      }
    }
    return new String[] {name};
  }

  static void checkSegment(
      AbstractSegment seg, String[] sent, ModelClassFactory classes, List<String> problems) throws Exception {
    int defined = seg.getClass().getConstructor(Group.class, ModelClassFactory.class)
        .newInstance(seg.getParent(), classes).numFields();
    boolean msh = seg.getName().equals("MSH");
    for (int i = 1; i <= seg.numFields(); i++) {
      String where = seg.getName() + "-" + i;
      int filled = 0;
      for (Type rep : seg.getField(i)) {
        if (rep.isEmpty()) continue;
        filled++;
        if (i <= defined) checkUndefinedParts(rep, where, problems);
      }
      if (i > defined) {
        if (filled > 0) problems.add(where + " is not a field of " + seg.getName() + " in this version");
        continue;
      }
      if (seg.isRequired(i) && filled == 0) problems.add(where + " is required but empty");
      int maxReps = seg.getMaxCardinality(i);
      if (maxReps > 0 && filled > maxReps) {
        problems.add(where + " repeats " + filled + " times, max " + maxReps);
      }
      // HAPI's tables have 0 where the standard gives no length (2.7+ and some withdrawn fields)
      int maxLength = seg.getLength(i);
      String field = msh && i == 1 ? "|" : i < sent.length ? sent[i] : "";
      // MSH-2 holds the repetition separator itself
      for (String rep : msh && i <= 2 ? new String[] {field} : field.split("~", -1)) {
        if (maxLength > 0 && rep.length() > maxLength) {
          problems.add(where + " is " + rep.length() + " characters, max " + maxLength + ": " + rep);
        }
      }
    }
  }

  // Components (or subcomponents) beyond the data type's definition land in ExtraComponents.
  static void checkUndefinedParts(Type type, String where, List<String> problems) throws HL7Exception {
    if (type instanceof Varies) return;
    ExtraComponents extra = type.getExtraComponents();
    for (int c = 0; c < extra.numComponents(); c++) {
      if (!extra.getComponent(c).isEmpty()) {
        String part = extra.getComponent(c).encode();
        problems.add(where + " (" + type.getName() + ") has an undefined part: " + part);
      }
    }
    if (type instanceof Composite) {
      Type[] parts = ((Composite) type).getComponents();
      for (int c = 0; c < parts.length; c++) checkUndefinedParts(parts[c], where + "." + (c + 1), problems);
    }
  }
}
