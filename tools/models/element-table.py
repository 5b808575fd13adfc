#!/usr/bin/env python3
"""Prints the README's element -> code -> test table from processes/*.bpmn (run from the repo root)."""
import glob
import os
import xml.etree.ElementTree as ET

NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL'}
BPMN = '{http://www.omg.org/spec/BPMN/20100524/MODEL}'
C = '{http://camunda.org/schema/1.0/bpmn}'
# the integration test that drives a user task through Tasklist's REST, where it is not LeadJourneyIT
USER_TASK_ITS = {'Task_ReassignLead': 'PeopleAndRoutingIT'}
ORDER = ['lead-lifecycle', 'lead-nurture', 'sdr-qualification', 'sales-follow-up', 'opportunity']


def test_class(key):
    return ''.join(part.capitalize() for part in key.split('-')) + 'ProcessTest'


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    beans = {}
    for f in glob.glob('app/src/main/java/org/leadflow/**/*.java', recursive=True):
        name = os.path.basename(f)[:-5]
        if name.endswith('Delegate') or name.endswith('Listener'):
            beans[name[0].lower() + name[1:]] = (name, f)
    keys = ORDER + sorted(os.path.basename(f)[:-5] for f in glob.glob('processes/*.bpmn')
                          if os.path.basename(f)[:-5] not in ORDER)
    print('| Model | Element | Kind | Code or configuration | Tests |')
    print('|---|---|---|---|---|')
    for key in keys:
        process = ET.parse(f'processes/{key}.bpmn').getroot().find('bpmn:process', NS)
        tests = test_class(key)
        for el in process.iter():
            tag = el.tag.split('}')[1]
            eid, name = el.get('id'), el.get('name')
            if tag == 'serviceTask':
                bean = el.get(C + 'delegateExpression')[2:-1]
                cls, path = beans[bean]
                params = [p.get('name') + '=' + (p.text or '') for p in el.iter(C + 'inputParameter')]
                code = f'[`{cls}`]({path})' + (' (' + ', '.join(params) + ')' if params else '')
                print(f'| {key} | `{eid}` {name} | service task | {code} | {tests}, {cls}Test |')
            elif tag == 'userTask':
                assignee = el.get(C + 'assignee')
                form = el.get(C + 'formRef')
                kind = f'user task, group `{el.get(C + "candidateGroups")}`' + (f', assignee `{assignee}`' if assignee else '')
                print(f'| {key} | `{eid}` {name} | {kind} | form [`{form}`](forms/{form}.form), due `{el.get(C + "dueDate")}` | {tests}, {USER_TASK_ITS.get(eid, "LeadJourneyIT")} |')
            elif tag in ('boundaryEvent', 'intermediateCatchEvent'):
                timer = el.find('bpmn:timerEventDefinition', NS)
                if timer is not None:
                    expr = next(e.text for e in timer if e.text)
                    kind = 'timer' + (' (non-interrupting)' if el.get('cancelActivity') == 'false' else '')
                    print(f'| {key} | `{eid}` {name} | {kind} | `{expr}` | {tests} |')
                elif el.find('bpmn:messageEventDefinition', NS) is not None:
                    print(f'| {key} | `{eid}` {name} | message `Msg_LeadEngaged` | correlated by `LeadCaptureService` (re-engagement) | {tests}, LeadCaptureApiIT |')
                elif el.find('bpmn:errorEventDefinition', NS) is not None:
                    ref = el.find('bpmn:errorEventDefinition', NS).get('errorRef')
                    error = next(e for e in ET.parse(f'processes/{key}.bpmn').getroot().iter(BPMN + 'error') if e.get('id') == ref)
                    thrower = el.get('attachedToRef')
                    print(f'| {key} | `{eid}` {name} | error `{error.get("errorCode")}` | thrown by `{thrower}` | {tests} |')
                elif el.find('bpmn:escalationEventDefinition', NS) is not None:
                    print(f'| {key} | `{eid}` {name} | escalation `Esc_ReassignLead` | thrown by `EndEvent_ReassignmentRequested` | {tests}, LeadJourneyIT |')
            elif tag == 'callActivity':
                called = el.get('calledElement')
                print(f'| {key} | `{eid}` {name} | call activity | [`{called}`](processes/{called}.bpmn) | {tests} |')
            elif tag == 'exclusiveGateway':
                for flow in process.iter(BPMN + 'sequenceFlow'):
                    cond = flow.find('bpmn:conditionExpression', NS)
                    if flow.get('sourceRef') == eid and cond is not None and 'Policy' in cond.text:
                        print(f'| {key} | `{eid}` {name} | gateway | `{cond.text}` | {tests} |')


if __name__ == '__main__':
    main()
