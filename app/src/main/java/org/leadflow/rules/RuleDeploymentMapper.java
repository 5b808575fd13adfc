package org.leadflow.rules;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Append-only audit of the decision tables deployed through the rules API ({@code lead_rule_deployment}). */
@Mapper
public interface RuleDeploymentMapper {

  /** One deployed version: who deployed it, when and why. */
  record Row(String decisionKey, int version, String definitionId, String deploymentId, String deployedBy,
      Instant deployedAt, String changeNote) {}

  @Insert("insert into lead_rule_deployment (decision_key, version, definition_id, deployment_id, deployed_by, "
      + "deployed_at, change_note) values (#{decisionKey}, #{version}, #{definitionId}, #{deploymentId}, "
      + "#{deployedBy}, #{deployedAt}, #{changeNote})")
  void insert(Row row);

  @Select("select decision_key, version, definition_id, deployment_id, deployed_by, deployed_at, change_note "
      + "from lead_rule_deployment where definition_id = #{definitionId}")
  Row findByDefinition(String definitionId);

  /** The highest version of this key deployed through the API, or null. */
  @Select("select decision_key, version, definition_id, deployment_id, deployed_by, deployed_at, change_note "
      + "from lead_rule_deployment where decision_key = #{decisionKey} order by version desc limit 1")
  Row findLatest(String decisionKey);

  @Select("select distinct decision_key from lead_rule_deployment order by decision_key")
  List<String> findKeys();
}
