package org.leadflow.engagement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leadflow.capture.FieldError;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.InboundRecordReader;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.scoring.EngagementType;

class EngagementListenerTest {

  private final InboundRecordReader reader = mock(InboundRecordReader.class);
  private final EngagementService engagements = mock(EngagementService.class);
  private final EngagementListener listener = new EngagementListener(reader, engagements,
      KafkaTopicsProperties.defaults());
  private final ConsumerRecord<String, String> record = new ConsumerRecord<>("leads.engagement", 0, 7, "lead-7", "{}");

  @Test
  void aRecordIsReadWithTheConfiguredSizeLimitAndRecordedAsKafkaEngagement() {
    // given
    EngagementEvent event = new EngagementEvent("e-1", EngagementType.CHAT, "lead-7", null, null, null, null);
    when(reader.read(record, EngagementEvent.class, 64 * 1024)).thenReturn(event);

    // when
    listener.onEngagement(record);

    // then
    verify(engagements).record(event, "kafka:leads.engagement");
  }

  @Test
  void anUnreadableRecordRecordsNothing() {
    when(reader.read(record, EngagementEvent.class, 64 * 1024))
        .thenThrow(new PoisonRecordException(List.of(new FieldError("record", "is not valid JSON"))));

    assertThatThrownBy(() -> listener.onEngagement(record)).isInstanceOf(PoisonRecordException.class);
    verifyNoInteractions(engagements);
  }
}
