import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_SCOPES, LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES } from '@app/domain';
import type { ActorScope, LifecycleEventType, LifecycleState } from '@app/domain';

export class LifecycleStateView {
  @ApiProperty({ enum: LIFECYCLE_STATES }) id!: LifecycleState;
  @ApiProperty({ example: '草稿' }) label!: string;
  @ApiProperty({ description: '终态（无后续流转）' }) final!: boolean;
}

export class LifecycleTransitionView {
  @ApiProperty({ enum: LIFECYCLE_STATES }) from!: LifecycleState;
  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES }) event!: LifecycleEventType;
  @ApiProperty({ example: '申报' }) eventLabel!: string;
  @ApiProperty({ enum: LIFECYCLE_STATES }) to!: LifecycleState;
  @ApiProperty({ enum: ACTOR_SCOPES, description: '谁可以操作' }) who!: ActorScope;
  @ApiProperty({ example: '本单位填报人员' }) whoLabel!: string;
}

export class LifecycleResponse {
  @ApiProperty({ example: '1', description: '状态机版本' }) version!: string;
  @ApiProperty({ enum: LIFECYCLE_STATES, example: 'draft' }) initial!: LifecycleState;
  @ApiProperty({ type: [LifecycleStateView] }) states!: LifecycleStateView[];
  @ApiProperty({ type: [LifecycleTransitionView] }) transitions!: LifecycleTransitionView[];
}
