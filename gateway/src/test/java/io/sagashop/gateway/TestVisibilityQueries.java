package io.sagashop.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.internal.testservice.TestWorkflowService;

/**
 * {@code ListWorkflowExecutions} for Temporal's Java test server, which lists open and
 * closed runs but implements no visibility query. It answers the one shape of query the
 * gateway sends (conditions {@code Name = 'value'} joined by {@code AND}, on the workflow
 * type and keyword search attributes), newest run first, in pages with an opaque token,
 * and refuses anything else with {@code INVALID_ARGUMENT} as the real server refuses a
 * query it cannot parse. The system tests list against a real server.
 */
final class TestVisibilityQueries implements ServerInterceptor {

    private static final Pattern CONDITION = Pattern.compile("(\\w+) = '([^'\\\\]*)'");

    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final TestWorkflowService workflows;

    TestVisibilityQueries(TestWorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        if (!call.getMethodDescriptor()
            .getFullMethodName()
            .equals(WorkflowServiceGrpc.getListWorkflowExecutionsMethod().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        ServerCallHandler<ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse> list = ServerCalls
            .asyncUnaryCall(this::list);
        return (ServerCall.Listener<Q>) list.startCall((ServerCall) call, headers);
    }

    private void list(ListWorkflowExecutionsRequest request, StreamObserver<ListWorkflowExecutionsResponse> answer) {
        Map<String, String> conditions = conditions(request.getQuery());
        int offset = offset(request.getNextPageToken());
        if (conditions == null || offset < 0) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("invalid query or page token").asRuntimeException());
            return;
        }
        List<WorkflowExecutionInfo> runs = new ArrayList<>();
        runs.addAll(collect(workflows::listOpenWorkflowExecutions,
                ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(request.getNamespace()).build())
            .getExecutionsList());
        runs.addAll(collect(workflows::listClosedWorkflowExecutions,
                ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(request.getNamespace()).build())
            .getExecutionsList());
        // The test server's lists leave out the runs' search attributes; its describe has
        // them.
        List<WorkflowExecutionInfo> matching = runs.stream()
            .map(run -> described(request.getNamespace(), run))
            .filter(run -> conditions.entrySet().stream().allMatch(c -> c.getValue().equals(valueOf(run, c.getKey()))))
            .sorted(Comparator.comparing((WorkflowExecutionInfo run) -> Timestamps.toNanos(run.getStartTime()))
                .reversed())
            .toList();
        int pageSize = request.getPageSize() > 0 ? request.getPageSize() : DEFAULT_PAGE_SIZE;
        int end = Math.min(matching.size(), offset + pageSize);
        ListWorkflowExecutionsResponse.Builder page = ListWorkflowExecutionsResponse.newBuilder()
            .addAllExecutions(matching.subList(Math.min(offset, end), end));
        if (end < matching.size()) {
            page.setNextPageToken(ByteString.copyFrom(Integer.toString(end), StandardCharsets.UTF_8));
        }
        answer.onNext(page.build());
        answer.onCompleted();
    }

    /** The conditions by name, or null for a query of another shape. */
    private static Map<String, String> conditions(String query) {
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String condition : query.split(" AND ", -1)) {
            Matcher matcher = CONDITION.matcher(condition);
            if (!matcher.matches()) {
                return null;
            }
            conditions.put(matcher.group(1), matcher.group(2));
        }
        return conditions;
    }

    /** Where the page starts, or -1 for a token this never handed out. */
    private static int offset(ByteString token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(token.toStringUtf8());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String valueOf(WorkflowExecutionInfo run, String name) {
        if (name.equals("WorkflowType")) {
            return run.getType().getName();
        }
        Payload payload = run.getSearchAttributes().getIndexedFieldsMap().get(name);
        return payload == null ? null
                : DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
    }

    private WorkflowExecutionInfo described(String namespace, WorkflowExecutionInfo run) {
        return collect(workflows::describeWorkflowExecution,
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(run.getExecution())
                    .build())
            .getWorkflowExecutionInfo();
    }

    private static <Q, A> A collect(BiConsumer<Q, StreamObserver<A>> call, Q request) {
        CompletableFuture<A> answer = new CompletableFuture<>();
        call.accept(request, new StreamObserver<>() {
            @Override
            public void onNext(A value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }

            @Override
            public void onCompleted() {
            }
        });
        return answer.join();
    }

}
