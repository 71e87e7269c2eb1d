import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { checkCalendarYear, chineseDaysYears } from '@app/domain';
import { CalendarRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { CurrentCaller, Roles } from '../common/caller';
import type { Caller } from '../common/caller';
import { CalendarService } from '@app/workflow';

export class CalendarYearDto {
  @ApiProperty({ example: ['2027-01-01', '2027-02-06'], description: '法定节假日（含放假期间的周末）' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  holidays!: string[];

  @ApiProperty({ example: ['2027-02-14'], description: '调休上班日' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  workdays!: string[];
}

const badYear = () => ApiError.notFound('年份无效');

@ApiTags('calendar 工作日历')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly years: CalendarRepository,
    private readonly calendars: CalendarService,
  ) {}

  @Get()
  @ApiOperation({ summary: '有节假日数据的年份及来源（内置 chinese-days 或管理员导入）' })
  async list() {
    const loaded = new Map((await this.years.all()).map((y) => [y.year, y]));
    const all = new Set([...chineseDaysYears().keys(), ...loaded.keys()]);
    return { years: [...all].sort((a, b) => a - b).map((year) => ({ year, source: loaded.has(year) ? 'admin' : 'chinese-days' })) };
  }

  @Get(':year')
  @ApiOperation({ summary: '某年的节假日与调休上班日' })
  async get(@Param('year', new ParseIntPipe({ exceptionFactory: badYear })) year: number) {
    const loaded = (await this.years.all()).find((y) => y.year === year);
    const data = loaded ?? chineseDaysYears().get(year);
    if (!data) throw ApiError.notFound(`${year} 年的节假日安排尚未导入`);
    return { year, source: loaded ? 'admin' : 'chinese-days', holidays: data.holidays, workdays: data.workdays };
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({ summary: '导入某年的节假日安排（管理员）', description: '覆盖该年的内置数据；日期须在该年内' })
  async put(
    @Param('year', new ParseIntPipe({ exceptionFactory: badYear })) year: number,
    @Body() body: CalendarYearDto,
    @CurrentCaller() caller: Caller,
  ) {
    const data = { year, holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() };
    const problems = checkCalendarYear(data, year);
    if (problems.length) throw ApiError.validation(problems, '节假日数据有误');
    await this.years.upsert(data, caller.id);
    this.calendars.invalidate();
    return { ...data, source: 'admin' };
  }
}
