package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.OptOut;
import java.util.ArrayList;
import java.util.List;

/** Each container drops ALL capabilities, adds none, and cannot escalate privileges. */
final class DropAllCapabilitiesRule extends ContainerRule {
  @Override
  public String id() {
    return "CAC-SEC-003";
  }

  @Override
  List<Finding> check(Application app, Container container, String at) {
    List<Finding> findings = new ArrayList<>();
    if (app.optOuts().containsKey(OptOut.CAPABILITIES)) {
      return findings;
    }
    var security = container.securityContext();
    String path = at + ".securityContext";
    var caps = security.getCapabilities();
    if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
      findings.add(finding(path + ".capabilities.drop", "must contain ALL, or optOut(CAPABILITIES, reason)"));
    }
    if (caps != null && caps.getAdd() != null && !caps.getAdd().isEmpty()) {
      findings.add(finding(path + ".capabilities.add", "adds " + caps.getAdd() + "; add none, or optOut(CAPABILITIES, reason)"));
    }
    if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
      findings.add(finding(path + ".allowPrivilegeEscalation",
          "is " + security.getAllowPrivilegeEscalation() + "; set it to false, or optOut(CAPABILITIES, reason)"));
    }
    return findings;
  }
}
