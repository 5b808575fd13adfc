package org.leadflow.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployed BPMN may ask the engine to evaluate. Camunda's expression language resolves every
 * Spring bean by name, so an expression anywhere in a model (a listener, a condition, a mapping, a
 * name) could call any method of any bean with the engine's rights. The modeler is the process owners'
 * way to deploy, so this scans every attribute value and every text of the model for {@code ${…}} and
 * {@code #{…}} and allows only what the shipped processes use:
 * <ul>
 *   <li>a call of a policy bean ({@code xPolicy} or {@code xPlan}) whose arguments are plain identifiers
 *       (process variables, {@code execution}, {@code task}) or literals:
 *       {@code ${slaPolicy.dueAt(leadId, 'SALES_ACCEPT')}};
 *   <li>{@code #{execution.processBusinessKey}};
 *   <li>anything without property access or calls: identifiers, literals and operators, e.g. a delegate
 *       {@code ${scoreLeadDelegate}}, an assignee {@code ${salesRep}}, a condition
 *       {@code ${acceptance == 'ACCEPTED' ? salesOutcome : 'RECYCLE'}}.
 * </ul>
 * Delegate expressions name a {@code *Delegate} or {@code *Listener} bean. Java classes
 * ({@code camunda:class}, {@code variableMappingClass}, …), {@code camunda:expression}, scripts (script
 * tasks, {@code camunda:script}, script conditions with {@code language} or {@code camunda:resource})
 * are refused: each is a way to run code the application does not ship. Every problem has rule
 * {@value #RULE} and names the nearest element with an id.
 */
public final class ModelExpressions {

  static final String RULE = "expression";
  /** Camunda's extension namespace and the legacy Activiti one, which the engine still reads as its alias. */
  static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /** A policy bean call as written in a model; checked against the bean's type by {@link ModelValidator}. */
  public record PolicyCall(String bean, String method, int arity, String elementId) {}

  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*(Delegate|Listener)}$");
  private static final Pattern POLICY_BEAN = Pattern.compile("^[a-z][A-Za-z0-9]*(Policy|Plan)$");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  private final List<ModelProblem> problems = new ArrayList<>();
  private final List<PolicyCall> calls = new ArrayList<>();

  private ModelExpressions() {}

  /** The expression, class and script problems of a model. */
  static List<ModelProblem> problems(BpmnModelInstance model) {
    return scan(model).problems;
  }

  /** The policy bean calls of a model (those the grammar allows). */
  static List<PolicyCall> policyCalls(BpmnModelInstance model) {
    return scan(model).calls;
  }

  private static ModelExpressions scan(BpmnModelInstance model) {
    ModelExpressions scan = new ModelExpressions();
    Node root = model.getDocument().getDomSource().getNode();
    Element element = root instanceof Document document ? document.getDocumentElement() : (Element) root;
    scan.element(element, null);
    return scan;
  }

  private void element(Element element, String enclosingId) {
    String id = element.hasAttribute("id") && !element.getAttribute("id").isBlank() ? element.getAttribute("id")
        : enclosingId;
    String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    boolean camunda = camunda(element.getNamespaceURI());
    if ("scriptTask".equals(name) || "script".equals(name)) {
      refuse(id, (camunda ? "camunda:" : "a ") + name + " runs a script; scripts are not allowed in a model "
          + "(call a delegate bean: camunda:delegateExpression=\"${somethingDelegate}\")");
    } else if (camunda && "expression".equals(name)) {
      refuse(id, "camunda:expression is not allowed (call a delegate or a policy bean)");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(id, camunda, (Attr) attributes.item(i));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        element(childElement, id);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text(id, child.getNodeValue(), name);
      }
    }
  }

  private void attribute(String id, boolean camundaElement, Attr attribute) {
    if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
      return;
    }
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    boolean camunda = camunda(attribute.getNamespaceURI())
        || (attribute.getNamespaceURI() == null && camundaElement);
    String value = attribute.getValue();
    if (camunda && (name.equals("class") || name.endsWith("Class"))) {
      refuse(id, "camunda:" + name + " names a Java class; not allowed in a model (call a delegate bean: "
          + "delegateExpression=\"${somethingDelegate}\")");
    } else if (camunda && name.equals("expression")) {
      refuse(id, "an expression attribute (" + value + ") is not allowed; call a delegate or listener bean "
          + "(delegateExpression=\"${somethingDelegate}\") or a policy bean");
    } else if (name.equals("language") || (camunda && name.equals("resource"))) {
      refuse(id, "'" + name + "' makes the engine run a script; not allowed in a model");
    } else if (camunda && name.endsWith("elegateExpression")) {
      if (!DELEGATE.matcher(value.trim()).matches()) {
        refuse(id, "a delegate expression names a delegate or listener bean, ${somethingDelegate} or "
            + "${somethingListener}, not '" + value + "'");
      }
    } else {
      text(id, value, name);
    }
  }

  /** Every {@code ${…}} / {@code #{…}} in {@code value} must be one the grammar allows. */
  private void text(String id, String value, String where) {
    if (value == null) {
      return;
    }
    int from = 0;
    while (true) {
      int dollar = value.indexOf("${", from);
      int hash = value.indexOf("#{", from);
      int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
      if (start < 0) {
        return;
      }
      Tokens tokens = Tokens.read(value, start + 2);
      String expression = value.substring(start, tokens.end < 0 ? value.length() : Math.min(value.length(),
          tokens.end + 1));
      if (tokens.end < 0) {
        refuse(id, "the expression " + expression + " in " + where + " is not one a model may use (" + ALLOWED + ")");
        return;
      }
      if (!allowed(id, tokens.list)) {
        refuse(id, "the expression " + expression + " in " + where + " is not one a model may use (" + ALLOWED + ")");
      }
      from = tokens.end + 1;
    }
  }

  private static final String ALLOWED = "allowed: a delegate bean ${somethingDelegate}, a policy call "
      + "${somethingPolicy.method(variable, 'LITERAL')} with variables and literals as arguments, "
      + "#{execution.processBusinessKey}, or a condition over process variables with literals and operators, "
      + "without '.', '[' or calls";

  private boolean allowed(String id, List<Token> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    if (policyCall(id, tokens)) {
      return true;
    }
    if (tokens.size() == 3 && tokens.get(0).is("execution") && tokens.get(1).is(".")
        && tokens.get(2).is("processBusinessKey")) {
      return true;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is(".") || token.is("[") || token.is("]")) {
        return false;
      }
      if (token.is("(") && i > 0 && tokens.get(i - 1).kind == Kind.IDENTIFIER) {
        return false; // a function call
      }
    }
    return true;
  }

  /** {@code bean.method(arg, …)}: the bean a policy bean, each argument an identifier or a literal. */
  private boolean policyCall(String id, List<Token> tokens) {
    if (tokens.size() < 5 || tokens.get(0).kind != Kind.IDENTIFIER || !POLICY_BEAN.matcher(tokens.get(0).text).matches()
        || !tokens.get(1).is(".") || tokens.get(2).kind != Kind.IDENTIFIER || !tokens.get(3).is("(")
        || !tokens.get(tokens.size() - 1).is(")")) {
      return false;
    }
    List<Token> arguments = tokens.subList(4, tokens.size() - 1);
    int arity = 0;
    boolean expectArgument = true;
    for (int i = 0; i < arguments.size(); i++) {
      Token token = arguments.get(i);
      if (expectArgument) {
        if (token.is("-") && i + 1 < arguments.size() && arguments.get(i + 1).kind == Kind.NUMBER) {
          continue;
        }
        if (token.kind != Kind.IDENTIFIER && token.kind != Kind.STRING && token.kind != Kind.NUMBER) {
          return false;
        }
        arity++;
        expectArgument = false;
      } else if (token.is(",")) {
        expectArgument = true;
      } else {
        return false;
      }
    }
    if (expectArgument && arity > 0) {
      return false; // a trailing comma
    }
    calls.add(new PolicyCall(tokens.get(0).text, tokens.get(2).text, arity, id));
    return true;
  }

  private static boolean camunda(String namespace) {
    return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
  }

  private void refuse(String id, String message) {
    problems.add(ModelProblem.error(id, RULE, (id == null ? "" : id + ": ") + message));
  }

  private enum Kind { IDENTIFIER, STRING, NUMBER, OPERATOR }

  private record Token(Kind kind, String text) {

    boolean is(String value) {
      return text.equals(value);
    }
  }

  /** The tokens of one expression body and the index of its closing brace (-1: none, or an unknown character). */
  private record Tokens(List<Token> list, int end) {

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "?",
        ":", "(", ")", ",", ".", "[", "]", "+", "-", "*", "/", "%");

    static Tokens read(String text, int from) {
      List<Token> tokens = new ArrayList<>();
      int i = from;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '}') {
          return new Tokens(tokens, i);
        } else if (c == '\'' || c == '"') {
          int j = i + 1;
          while (j < text.length() && text.charAt(j) != c) {
            j += text.charAt(j) == '\\' ? 2 : 1;
          }
          if (j >= text.length()) {
            return new Tokens(tokens, -1);
          }
          tokens.add(new Token(Kind.STRING, text.substring(i, j + 1)));
          i = j + 1;
        } else if (Character.isDigit(c)) {
          int j = i;
          while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
            j++;
          }
          tokens.add(new Token(Kind.NUMBER, text.substring(i, j)));
          i = j;
        } else if (Character.isLetter(c) || c == '_') {
          int j = i;
          while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
          }
          String word = text.substring(i, j);
          tokens.add(new Token(LITERALS.contains(word) ? Kind.NUMBER : Kind.IDENTIFIER, word));
          i = j;
        } else {
          String operator = null;
          for (String candidate : OPERATORS) {
            if (text.startsWith(candidate, i)) {
              operator = candidate;
              break;
            }
          }
          if (operator == null) {
            return new Tokens(tokens, -1);
          }
          tokens.add(new Token(Kind.OPERATOR, operator));
          i += operator.length();
        }
      }
      return new Tokens(tokens, -1);
    }
  }
}
