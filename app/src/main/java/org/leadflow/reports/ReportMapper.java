package org.leadflow.reports;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** The reports' read model and its maintenance (SQL in resources/mapper/ReportMapper.xml). */
@Mapper
public interface ReportMapper {

  /** Teams the user is a rep of or supervises. */
  List<String> teamsOf(String userId);

  /** The team of the rep's profile, or null. */
  String teamOfRep(String userId);
}
