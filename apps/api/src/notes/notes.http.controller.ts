import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, problemDetailsSchema, ZodValidationPipe } from '@ct/observability';
import { AddNoteCommand, addNoteRequestSchema, type AddNoteRequest } from './add-note.command';
import { ListNotesQuery } from './list-notes.query';
import { noteListSchema, noteViewSchema } from './note.view';

const ADD =
  'Add a note (append-only: to correct one, add a note with corrects); author and time from the server';
const LIST = 'Its notes, oldest first, each with the notes that correct it';
const PROBLEM = 'application/problem+json';
const MISSING = 'None with this id within your facilities';
const UNKNOWN_NOTE = 'corrects names no note of the same task or transition';

/** Notes on tasks and transitions: no update or delete route, by design. */
@ApiTags('notes')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator)
@Controller('api/v1')
export class NotesHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Post('tasks/:id/notes')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: `Task: ${ADD}` })
  @ApiZodResponse(201, noteViewSchema, 'The note')
  @ApiZodResponse(404, problemDetailsSchema, MISSING, PROBLEM)
  @ApiZodResponse(422, problemDetailsSchema, UNKNOWN_NOTE, PROBLEM)
  addToTask(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(addNoteRequestSchema)) body: AddNoteRequest,
    @Actor() actor: Principal,
  ) {
    return this.commands.execute(new AddNoteCommand('task', id, actor, body));
  }

  @Get('tasks/:id/notes')
  @ApiOperation({ summary: `Task: ${LIST}` })
  @ApiZodResponse(200, noteListSchema, 'The notes')
  @ApiZodResponse(404, problemDetailsSchema, MISSING, PROBLEM)
  listOfTask(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal) {
    return this.queries.execute(new ListNotesQuery('task', id, actor));
  }

  @Post('transitions/:id/notes')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: `Transition: ${ADD}` })
  @ApiZodResponse(201, noteViewSchema, 'The note')
  @ApiZodResponse(404, problemDetailsSchema, MISSING, PROBLEM)
  @ApiZodResponse(422, problemDetailsSchema, UNKNOWN_NOTE, PROBLEM)
  addToTransition(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(addNoteRequestSchema)) body: AddNoteRequest,
    @Actor() actor: Principal,
  ) {
    return this.commands.execute(new AddNoteCommand('transition', id, actor, body));
  }

  @Get('transitions/:id/notes')
  @ApiOperation({ summary: `Transition: ${LIST}` })
  @ApiZodResponse(200, noteListSchema, 'The notes')
  @ApiZodResponse(404, problemDetailsSchema, MISSING, PROBLEM)
  listOfTransition(@Param('id') id: string, @Actor() actor: Principal) {
    return this.queries.execute(new ListNotesQuery('transition', id, actor));
  }
}
