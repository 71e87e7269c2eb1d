import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { indicatorCatalogue, lifecycleGraph } from '@app/domain';
import { CatalogueResponse } from './dto/catalogue.dto';
import { LifecycleResponse } from './dto/lifecycle.dto';

/**
 * Reference data for clients, read from libs/domain (never copied): the indicator catalogue and the
 * lifecycle machine. Any signed-in user; nothing here depends on the caller.
 */
@ApiTags('reference 参考数据')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  @Get('catalogue')
  @ApiOperation({ summary: '指标目录：一级指标及其二级指标、其他写法', description: '财预〔2020〕10号 共性指标框架；成本指标 2021 年起为一级指标' })
  @ApiOkResponse({ type: CatalogueResponse })
  catalogue(): CatalogueResponse {
    return indicatorCatalogue();
  }

  @Get('lifecycle')
  @ApiOperation({ summary: '申报表状态机（状态、流转及中文名称），与 docs/lifecycle.md 的状态图同源' })
  @ApiOkResponse({ type: LifecycleResponse })
  lifecycle(): LifecycleResponse {
    return lifecycleGraph();
  }
}
